import { getDb } from '@/db';
import { handleCommandAck } from '@/lib/edge/api/handle-commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return handleCommandAck(await getDb(), request, id, new Date());
}
