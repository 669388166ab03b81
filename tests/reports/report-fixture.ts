import type { Db } from '@/db/client';
import { balanceEntries, curtailmentEvents, invoices, networkDaily, poolAccounts, poolDailyWorkerSummaries, poolWorkerLinks, powerCustomerMonthly, powerMonthly, telemetryDaily, tickets } from '@/db/schema';
import { makeCustomer, makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

export const MONTH = '2026-11';

const power = (energyWh: number, costCents: number) => ({
  energyWh,
  whPeak: 0,
  whShoulder: 0,
  whOffPeak: energyWh,
  whFlat: 0,
  costMc: costCents * 1000,
  avgW: 1000,
  peakW: 2000,
  co2G: 0,
  minerCount: 2,
  buckets: 8640,
  source: 'telemetry',
});

/**
 * November 2026 at two sites, Alpha and Bravo, with customers A (two miners at Alpha, one at
 * Bravo) and B (one at Bravo), and figures chosen to be worked by hand:
 * - telemetry: every miner 2 days (Nov 1 and 2) at 100 TH/s, 24 h up, 72,000 Wh a day, except
 *   A's Bravo miner, up 12 h on Nov 2;
 * - power (monthly aggregates): Alpha 150 kWh $7.50, Bravo 140 kWh $7.00; A 150 + 70 kWh ($7.50 +
 *   $3.50), B 70 kWh ($3.50);
 * - pool: each miner's worker earned 1,000 sats on Nov 1 and 2,000 on Nov 2 (3,000 a miner);
 *   one more worker's credit on Oct 31 is outside the month;
 * - tickets: two at Alpha for A, one at Bravo for B in November; one in October;
 * - curtailment: one event at Alpha, 5,000 Wh avoided, $0.40 cost avoided, $0.15 forgone, net $0.25;
 * - billing (A): a $100.00 deposit on Oct 20; invoice INV-7 of $50.00 issued Nov 5, $20.00 paid on
 *   Nov 10 (a payment +$20.00 and its application −$20.00), an SLA credit of $3.00 on Nov 30;
 *   a $9.99 payment on Dec 1 is outside the month;
 * - BTC closes: $90,000 on Nov 1 and $92,000 on Nov 2 (mean $91,000); Oct 31 $1 is outside.
 */
export async function seedReportMonth(db: Db) {
  const org = await makeOrg(db);
  const alpha = await makeSite(db, org.id, 'Alpha');
  const bravo = await makeSite(db, org.id, 'Bravo');
  const a = await makeCustomer(db, org.id);
  const b = await makeCustomer(db, org.id);
  const a1 = await makeMiner(db, { orgId: org.id, siteId: alpha.id, customerId: a.id });
  const a2 = await makeMiner(db, { orgId: org.id, siteId: alpha.id, customerId: a.id });
  const a3 = await makeMiner(db, { orgId: org.id, siteId: bravo.id, customerId: a.id });
  const b1 = await makeMiner(db, { orgId: org.id, siteId: bravo.id, customerId: b.id });
  const all = [a1, a2, a3, b1];
  const day = (m: (typeof all)[number], d: string, up: number) => ({
    minerId: m.id,
    orgId: org.id,
    siteId: m.siteId,
    day: d,
    samples: 288,
    onlineRatio: up / 24,
    hashrateAvgThs: 100,
    energyWh: 72_000,
    uptimeHours: up,
  });
  await db.insert(telemetryDaily).values(all.flatMap((m) => [day(m, '2026-11-01', 24), day(m, '2026-11-02', m.id === a3.id ? 12 : 24), day(m, '2026-10-31', 24)]));
  const site = (s: { id: string }) => ({ orgId: org.id, siteId: s.id, month: '2026-11-01' });
  await db.insert(powerMonthly).values([
    { ...site(alpha), ...power(150_000, 750) },
    { ...site(bravo), ...power(140_000, 700) },
  ]);
  await db.insert(powerCustomerMonthly).values([
    { ...site(alpha), customerId: a.id, ...power(150_000, 750) },
    { ...site(bravo), customerId: a.id, ...power(70_000, 350) },
    { ...site(bravo), customerId: b.id, ...power(70_000, 350) },
  ]);
  const [account] = await db.insert(poolAccounts).values({ orgId: org.id, label: 'Main', userId: `r-${org.id.slice(0, 8)}` }).returning();
  await db.insert(poolWorkerLinks).values(all.map((m, i) => ({ accountId: account!.id, workerName: `w${i}`, minerId: m.id })));
  const credit = (i: number, d: string, sats: number) => ({ accountId: account!.id, workerName: `w${i}`, day: d, avgHs: '100000000000000', onlineHours: 24, observedHours: 24, earnedSats: sats, efficiency: '1' });
  await db.insert(poolDailyWorkerSummaries).values([...all.flatMap((_, i) => [credit(i, '2026-11-01', 1000), credit(i, '2026-11-02', 2000)]), credit(0, '2026-10-31', 99_999)]);
  const ticket = (s: { id: string }, c: { id: string }, at: string) => ({ orgId: org.id, siteId: s.id, customerId: c.id, title: 'Fan', slaDueAt: new Date(at), createdAt: new Date(at) });
  await db.insert(tickets).values([ticket(alpha, a, '2026-11-03T10:00:00Z'), ticket(alpha, a, '2026-11-20T10:00:00Z'), ticket(bravo, b, '2026-11-05T10:00:00Z'), ticket(bravo, b, '2026-10-05T10:00:00Z')]);
  await db.insert(curtailmentEvents).values({
    orgId: org.id,
    siteId: alpha.id,
    strategy: 'least_efficient_first',
    targetKind: 'kw',
    targetKw: '1',
    perMinute: 10,
    status: 'completed',
    createdAt: new Date('2026-11-10T12:00:00Z'),
    baselineW: 3000,
    requestedShedW: 1000,
    plannedShedW: 1000,
    waves: 1,
    achievedShedW: 900,
    energyAvoidedWh: 5000,
    costAvoidedCents: 40,
    revenueForgoneCents: 15,
    netSavingCents: 25,
  });
  const [inv] = await db
    .insert(invoices)
    .values({ orgId: org.id, customerId: a.id, status: 'partially_paid', seq: 7, number: 'INV-7', periodMonth: '2026-10-01', subtotalCents: 5000, totalCents: 5000, paidCents: 2000, issueDate: '2026-11-05', dueDate: '2026-11-19', issuedAt: new Date('2026-11-05T09:00:00Z') })
    .returning();
  const entry = (kind: string, amountCents: number, at: string, invoiceId: string | null = null) => ({ orgId: org.id, customerId: a.id, kind, amountCents, invoiceId, createdAt: new Date(at) });
  await db.insert(balanceEntries).values([
    entry('deposit', 10_000, '2026-10-20T00:00:00Z'),
    entry('payment', 2000, '2026-11-10T00:00:00Z'),
    entry('invoice_payment', -2000, '2026-11-10T00:00:01Z', inv!.id),
    entry('sla_credit', 300, '2026-11-30T23:00:00Z'),
    entry('payment', 999, '2026-12-01T00:00:00Z'),
  ]);
  await db
    .insert(networkDaily)
    .values([
      { day: '2026-10-31', priceCloseUsd: '1', source: 'test' },
      { day: '2026-11-01', priceCloseUsd: '90000', source: 'test' },
      { day: '2026-11-02', priceCloseUsd: '92000', source: 'test' },
    ])
    .onConflictDoNothing();
  return { org, alpha, bravo, a, b, miners: all };
}
