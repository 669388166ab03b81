import { getDb } from '@/db';
import { handleFetchCredentials } from '@/lib/edge/api/handle-credentials';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return handleFetchCredentials(await getDb(), request);
}
