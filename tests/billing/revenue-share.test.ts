import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getInvoice } from '@/db/queries/billing/invoices';
import { runMonthlyInvoices } from '@/db/queries/billing/monthly';
import { networkDaily, poolAccounts, poolDailyWorkerSummaries, poolWorkerLinks } from '@/db/schema';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite } from '../helpers/fixtures';
import { contractInput, createContract } from './billing-fixture';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createTestDb());
});
afterAll(() => drop());

describe('hosting fee share of revenue', () => {
  it('the pool’s credits to the covered miners at each day’s BTC close × the share (hand-checked)', async () => {
    const org = await makeOrg(db);
    const site = await makeSite(db, org.id);
    const c = await makeCustomer(db, org.id);
    const mine = await makeMiner(db, { orgId: org.id, siteId: site.id, customerId: c.id });
    const other = await makeMiner(db, { orgId: org.id, siteId: site.id });
    const [acct] = await db.insert(poolAccounts).values({ orgId: org.id, label: 'Main', userId: 'rev' }).returning();
    await db.insert(poolWorkerLinks).values([
      { accountId: acct!.id, workerName: 'rev.a', minerId: mine.id },
      { accountId: acct!.id, workerName: 'rev.b', minerId: other.id },
    ]);
    const day = (d: string, worker: string, sats: number) => ({ accountId: acct!.id, workerName: worker, day: d, avgHs: '1', onlineHours: 24, observedHours: 24, earnedSats: sats, efficiency: '1' });
    // The customer's worker: 100,000 sats on 1 March at $90,000 and 50,000 on 2 March at $100,000;
    // 3 March has no price (left out, counted); February and the other customer's worker do not count.
    await db.insert(poolDailyWorkerSummaries).values([day('2026-03-01', 'rev.a', 100_000), day('2026-03-02', 'rev.a', 50_000), day('2026-03-03', 'rev.a', 7_000), day('2026-02-28', 'rev.a', 1_000_000), day('2026-03-01', 'rev.b', 1_000_000)]);
    await db.insert(networkDaily).values([
      { day: '2026-03-01', priceCloseUsd: '90000', source: 'test' },
      { day: '2026-03-02', priceCloseUsd: '100000', source: 'test' },
    ]).onConflictDoNothing();
    await createContract(db, { orgId: org.id, sites: 'all', customers: 'all' }, contractInput({ customerId: c.id, siteIds: [site.id], pricing: 'per_kw_reserved', rate: 9_000, reservedKw: 10, revenueShareBps: 1_250, taxBps: 0 }), null);
    const [out] = await runMonthlyInvoices(db, { orgId: org.id, month: '2026-03', now: new Date('2026-04-02T04:00:00Z') });
    const inv = await getInvoice(db, { orgId: org.id, sites: 'all', customers: 'all' }, out!.invoiceId!);
    // Revenue: 0.001 BTC × $90,000 = $90 + 0.0005 × $100,000 = $50 → $140.00; 12.5 % = $17.50.
    expect(inv.lines.map((l) => [l.kind, l.quantity, l.amountCents])).toEqual([
      ['reserved_kw', '10', 90_000],
      ['revenue_share', '0.1250', 1_750],
    ]);
    expect(inv.lines[1]!.meta).toMatchObject({ revenueCents: 14_000, sats: 157_000, days: 3, daysWithoutPrice: 1 });
    expect(inv.totalCents).toBe(91_750);
  });
});
