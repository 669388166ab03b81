import { getDb } from '@/db';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return handleIngest(await getDb(), request, new Date());
}
