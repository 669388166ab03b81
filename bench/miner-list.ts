import type { Db } from '@/db/client';
import { listMiners } from '@/db/queries/miners';
import { scopeFor } from '@/lib/auth/scope';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The miner list as an owner opens it: first page, a search, a status filter, a deep page. */
export async function benchMinerList(db: Db, orgId: string, runs = 60) {
  const scope = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
  const cases = {
    'miners: first page (50)': () => listMiners(db, scope, {}, { page: 1, pageSize: 50 }),
    'miners: quick search': () => listMiners(db, scope, { q: 'r03-k1' }, { page: 1, pageSize: 50 }),
    'miners: offline filter': () => listMiners(db, scope, { status: 'offline' }, { page: 1, pageSize: 50 }),
    'miners: page 100 of 120': () => listMiners(db, scope, {}, { page: 100, pageSize: 50 }),
  };
  const out = [];
  for (const [name, fn] of Object.entries(cases)) {
    await fn();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
    out.push({ case: name, p50_ms: +percentile(samples, 50).toFixed(1), p95_ms: +percentile(samples, 95).toFixed(1), runs });
  }
  return out;
}
