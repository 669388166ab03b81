import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { redactSecrets } from '@/lib/domain/audit/redact';
import type { Db } from '../../client';
import { edgeCommandBatches, edgeCommands, miners } from '../../schema';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { pgArray } from '../pg-array';
import { minerScope } from '../scope';

export type BatchCounts = { queued: number; leased: number; succeeded: number; failed: number; expired: number };

/**
 * A site-bound reader sees a batch when it touched one of its sites, and only its own sites'
 * commands in it; a CLIENT's scope never reaches commands (remote:execute) but is applied anyway.
 */
function batchScope(scope: Scope): SQL {
  const sites = scope.sites === 'all' ? undefined : sql`${edgeCommandBatches.siteIds} && ${pgArray(scope.sites)}::uuid[]`;
  return and(eq(edgeCommandBatches.orgId, scope.orgId), sites)!;
}

/**
 * One batch's progress: what was asked, the skipped miners, and its commands counted by status
 * (queued, leased, done, failed, expired) over the miners the reader may see.
 */
export async function getBatchProgress(db: Db, scope: Scope, batchId: string) {
  const [batch] = await db.select().from(edgeCommandBatches).where(and(eq(edgeCommandBatches.id, batchId), batchScope(scope))).limit(1);
  if (!batch) return null;
  const counted = await db
    .select({ status: edgeCommands.status, n: sql<number>`count(*)::int` })
    .from(edgeCommands)
    .innerJoin(miners, eq(miners.id, edgeCommands.minerId))
    .where(and(eq(edgeCommands.batchId, batchId), minerScope(scope)))
    .groupBy(edgeCommands.status);
  const by = Object.fromEntries(counted.map((c) => [c.status, c.n])) as Partial<Record<string, number>>;
  const counts: BatchCounts = { queued: by.QUEUED ?? 0, leased: by.LEASED ?? 0, succeeded: by.SUCCEEDED ?? 0, failed: by.FAILED ?? 0, expired: by.EXPIRED ?? 0 };
  const open = counts.queued + counts.leased;
  return {
    id: batch.id,
    commandType: batch.commandType,
    params: redactSecrets(batch.params) as Record<string, unknown>,
    createdAt: batch.createdAt,
    matched: batch.matched,
    queuedAtStart: batch.queued,
    skipped: batch.skipped,
    counts,
    done: open === 0,
  };
}

/** The batch's commands, one per miner: failures first, then the open ones, then the done ones. */
export async function listBatchCommands(db: Db, scope: Scope, batchId: string, req: PageRequest) {
  const order = sql`array_position(array['FAILED', 'EXPIRED', 'LEASED', 'QUEUED', 'SUCCEEDED']::edge_command_status[], ${edgeCommands.status})`;
  const query = db
    .select({
      id: edgeCommands.id,
      minerId: edgeCommands.minerId,
      minerName: miners.name,
      status: edgeCommands.status,
      attempts: edgeCommands.attempts,
      finishedAt: edgeCommands.finishedAt,
      result: edgeCommands.result,
      total: windowTotal(),
    })
    .from(edgeCommands)
    .innerJoin(miners, eq(miners.id, edgeCommands.minerId))
    .where(and(eq(edgeCommands.batchId, batchId), minerScope(scope)))
    .orderBy(order, asc(miners.name));
  return pageOf(req, query);
}

/** Recent batches in scope, newest first (the entry points to their progress views). */
export async function listBatches(db: Db, scope: Scope, req: PageRequest) {
  const query = db
    .select({
      id: edgeCommandBatches.id,
      commandType: edgeCommandBatches.commandType,
      matched: edgeCommandBatches.matched,
      queued: edgeCommandBatches.queued,
      createdAt: edgeCommandBatches.createdAt,
      total: windowTotal(),
    })
    .from(edgeCommandBatches)
    .where(batchScope(scope))
    .orderBy(desc(edgeCommandBatches.createdAt));
  return pageOf(req, query);
}
