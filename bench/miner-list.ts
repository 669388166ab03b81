import type { Db } from '@/db/client';
import { listMiners } from '@/db/queries/hosting/miners';
import { scopeFor } from '@/lib/core/scope';
import { time } from './timing';

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
  for (const [name, fn] of Object.entries(cases)) out.push({ case: name, ...(await time(fn, runs, { digits: 1 })) });
  return out;
}
