import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { getBatchProgress, listBatchCommands } from '@/db/queries/edge/batches';
import { withActor } from '@/lib/api/with-actor';
import { AppError } from '@/lib/core/errors';
import { z } from '@/lib/validation/zod';

const query = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

/** A bulk command batch's progress (counts by status) and a page of its per-miner commands, for the progress view's polling. */
export const GET = withActor<{ id: string }>({ module: 'remote:execute', level: 'READ' }, async (req, { actor, params }) => {
  if (!z.uuid().safeParse(params.id).success) throw new AppError('NOT_FOUND');
  const { page } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const db = await getDb();
  const progress = await getBatchProgress(db, actor.scope, params.id);
  if (!progress) throw new AppError('NOT_FOUND');
  const commands = await listBatchCommands(db, actor.scope, params.id, { page, pageSize: 100 });
  return NextResponse.json({ progress, commands }, { headers: { 'cache-control': 'no-store' } });
});
