// Bulk actions: queuing one command on every miner of the 6,000-miner demo farm, selected by the
// list's filter (issue 14 part 2: under 2 s). `npx tsx bench/bulk-queue.ts` runs it alone on PGlite
// (or BENCH_DATABASE_URL's server).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { eq, like, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queueBatch } from '@/db/queries/edge/bulk';
import { minerModels, miners, rateLimitBuckets } from '@/db/schema';
import { scopeFor } from '@/lib/core/scope';
import { percentile } from './timing';

const TARGET_MS = 2000;
class Rollback extends Error {}

/**
 * Every demo miner is made a LuxOS machine (every command supported) inside a transaction that is
 * rolled back after, so all 6,000 are queued rather than skipped and the other benches see the farm
 * unchanged. Each run clears the per-miner rate limits first (untimed): the same 6,000 reboots again.
 */
export async function benchBulkQueue(db: Db, orgId: string, runs = 5) {
  const rows: Record<string, string | number>[] = [];
  const owner = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
  try {
    await db.transaction(async (tx) => {
      const [lux] = await tx.insert(minerModels).values({ vendor: 'luxos', name: 'Bench LuxOS S19', hashrateThs: '95', powerW: 3250 }).returning({ id: minerModels.id });
      await tx.update(miners).set({ modelId: lux!.id }).where(eq(miners.orgId, orgId));
      const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(miners).where(eq(miners.orgId, orgId))) as [{ n: number }];
      const samples: number[] = [];
      let queued = 0;
      for (let i = 0; i <= runs; i++) {
        await tx.delete(rateLimitBuckets).where(like(rateLimitBuckets.key, 'edge-cmd:%'));
        const t = performance.now();
        const r = await queueBatch(tx, owner, null, { batchId: randomUUID(), selection: { mode: 'filter', filter: {} }, command: { type: 'REBOOT', params: {}, ttlS: 3600 } }, new Date());
        if (i > 0) samples.push(performance.now() - t);
        queued = r.queued;
      }
      const p95 = percentile(samples, 95);
      rows.push({
        bench: `bulk: queue REBOOT on all ${n.toLocaleString('en')} miners matching a filter (${queued.toLocaleString('en')} queued, one batch, one audit entry)`,
        p50_ms: Math.round(percentile(samples, 50)),
        p95_ms: Math.round(p95),
        runs,
        target: `< ${TARGET_MS} ms`,
        result: p95 < TARGET_MS && queued === n ? 'PASS' : 'FAIL',
      });
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return rows;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const { migrateDb, openPglite, openPostgres } = await import('@/db/client');
  const { createScratchDatabase } = await import('@/db/scratch');
  const { env } = await import('@/lib/env');
  const { seedDemo } = await import('@/lib/demo/seed-demo');
  const server = env().benchDatabaseUrl;
  const scratch = server ? await createScratchDatabase(server, 'hi_bench_bulk') : null;
  const handle = scratch ? await openPostgres(scratch.url, { max: 4 }) : await openPglite();
  try {
    await migrateDb(handle, scratch?.url);
    const { orgId } = await seedDemo(handle.db);
    console.table(await benchBulkQueue(handle.db, orgId));
  } finally {
    await handle.close();
    await scratch?.drop();
  }
  process.exit(0);
}
