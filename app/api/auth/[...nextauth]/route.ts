import { NextRequest } from 'next/server';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { errorResponse } from '@/lib/api/error-response';
import { readBody } from '@/lib/api/read-body';
import { handlers } from '@/lib/auth/auth';

export const { GET } = handlers;

/** next-auth reads the form only once it is whole and under the limit (413 otherwise). */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    const body = new Uint8Array(await readBody(request, BODY_LIMITS.auth));
    return await handlers.POST(new NextRequest(request.url, { method: 'POST', headers: request.headers, body, signal: request.signal }));
  } catch (error) {
    return errorResponse(error);
  }
}
