import type { Db } from '@/db/client';
import { listCollectableAccounts } from '@/db/queries/pool/accounts';
import { collectTier2Account } from '@/lib/integrations/antpool/collect';
import { configureFakeAccounts } from '@/lib/integrations/antpool/fake-accounts';
import { startFakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { createAntpool } from '@/lib/integrations/antpool/factory';
import { guarded } from '@/lib/integrations/antpool/runs';

/**
 * The done-when figure: Tier 2 (the same per-account code its Inngest steps run) over
 * 6,000 workers on the local Antpool server with 5% injected faults, twice (the re-run must add
 * no rows). Target: ≤ 130 requests and < 2 minutes per run, no budget overrun on the server.
 */
export async function benchAntpoolTier2(db: Db, orgId: string) {
  const server = await startFakeAntpool({ faults: { rate: 0.05, kinds: ['5xx', 'timeout', 'nonce', 'slow'], seed: 2026, hangMs: 5_000, slowMs: 200 } });
  const antpool = createAntpool({ baseUrl: server.url, baseDelayMs: 250, timeoutMs: 3_000 });
  try {
    await configureFakeAccounts(db, orgId, server.farm);
    const leaves = (await listCollectableAccounts(db)).filter((a) => a.isLeaf && a.orgId === orgId);
    const out = [];
    for (const label of ['first run', 're-run']) {
      const before = server.stats.requests;
      const t = performance.now();
      const at = new Date();
      const results = [];
      for (const a of leaves) results.push(await guarded(db, a, at, () => collectTier2Account(antpool, db, a.id, at)));
      out.push({
        case: `antpool tier 2, 6,000 workers, 5% faults (${label})`,
        total_ms: Math.round(performance.now() - t),
        requests: server.stats.requests - before,
        workers: results.reduce((s, r) => s + Number(r.workers ?? 0), 0),
        failed_accounts: results.filter((r) => !r.ok).length,
        budget_exceeded: server.stats.budgetExceeded,
      });
    }
    return out;
  } finally {
    await server.close();
  }
}
