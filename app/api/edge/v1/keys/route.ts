import { getDb } from '@/db';
import { handlePublishKey } from '@/lib/edge/api/handle-credentials';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return handlePublishKey(await getDb(), request);
}
