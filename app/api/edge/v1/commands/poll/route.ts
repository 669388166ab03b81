import { getDb } from '@/db';
import { handleCommandPoll } from '@/lib/edge/api/handle-commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return handleCommandPoll(await getDb(), request, new Date());
}
