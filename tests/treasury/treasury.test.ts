import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/client';
import { ledgerEntries, listLedger } from '@/db/queries/treasury/ledger';
import { getTreasuryPosition } from '@/db/queries/treasury/position';
import { importPoolPayouts, recordEntry, reverseEntry } from '@/db/queries/treasury/writes';
import type { Scope } from '@/lib/core/scope';
import { coverNeed, runwayMonths } from '@/lib/domain/treasury/coverage';
import { unrealisedPnlCents } from '@/lib/domain/treasury/lots';
import { createTestDb } from '../helpers/db';
import { seedTreasuryLedger, treasuryFarm } from './treasury-fixture';

const t = (s: string) => new Date(`${s}Z`);
const NOW = t('2026-12-07T12:00:00');

/*
 * Worked by hand.
 * Costs: October energy 600,000 + 400,000 ¢ + hosting opex 500,000 ¢ = 1,500,000 ¢ over 0.5 BTC
 *   earned → 3,000,000 ¢ ($30,000) a BTC. November energy 800,000 + staff 200,000 = 1,000,000 ¢ over
 *   0.4 BTC → 2,500,000 ¢ a BTC. December: no figures yet.
 * Lots: 20 Oct payout 0.3 BTC → 1,500,000 × 0.3 ÷ 0.5 = 900,000 ¢; 20 Nov 0.4 BTC → 1,000,000 ¢.
 * 25 Nov: 0.35 BTC sold at $90,000, fee $50 → gross 3,150,000, net 3,145,000 ¢.
 *   FIFO: 0.3 (900,000) + 0.05 of the Nov lot (1,000,000 × 0.05 ÷ 0.4 = 125,000) = 1,025,000;
 *         realised 2,120,000; left 0.35 BTC at 875,000 ¢.
 *   Average: 0.7 BTC at 1,900,000; 0.35 → 950,000; realised 2,195,000; left 950,000 ¢,
 *         950,000 × 10⁸ ÷ 35,000,000 = 2,714,285.7 → 2,714,286 ¢ a BTC.
 * A mistaken 1 BTC inflow on 10 Nov is reversed: no effect anywhere.
 * Cash: 1,000,000 in (1 Nov) + 3,145,000 − 300,000 out (1 Dec) = 3,845,000 ¢.
 * Monthly opex (Oct and Nov, the complete months with costs): (1,500,000 + 1,000,000) ÷ 2 = 1,250,000 ¢;
 * runway 3,845,000 ÷ 1,250,000 = 3.076 → 3.08 months; six months need 7,500,000 ¢, short 3,655,000 ¢
 * → at $90,000: 3,655,000 × 10⁸ ÷ 9,000,000 = 40,611,111.1 → 40,611,112 sats.
 */
describe('treasury ledger and position', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let farm: Awaited<ReturnType<typeof treasuryFarm>>;
  let cold: string;
  let exchange: string;

  beforeAll(async () => {
    ({ db, drop } = await createTestDb());
    farm = await treasuryFarm(db);
    ({ cold, exchange } = await seedTreasuryLedger(db, farm, NOW));
  });
  afterAll(async () => drop());

  it('rebuilds holdings, lots, cost basis and P&L from the ledger', async () => {
    const p = await getTreasuryPosition(db, farm.scope, NOW);
    expect(p.months.map((m) => [m.month, m.energyCents, m.opexCents, m.producedSats, m.totalCents, m.costCentsPerBtc])).toEqual([
      ['2026-10', 1_000_000, 500_000, 50_000_000, 1_500_000, 3_000_000],
      ['2026-11', 800_000, 200_000, 40_000_000, 1_000_000, 2_500_000],
      ['2026-12', null, null, null, null, null],
    ]);
    expect(p.holdingsSats).toBe(35_000_000);
    expect(p.byWallet).toEqual({ [cold]: 31_000_000, [exchange]: 4_000_000 });
    expect(p.cashCents).toBe(3_845_000);
    expect(p.fifo).toMatchObject({ realisedProceedsCents: 3_145_000, realisedCostCents: 1_025_000, realisedPnlCents: 2_120_000, costCents: 875_000, unknownCostSats: 0 });
    expect(p.lots.map((l) => [l.sats, l.costCents])).toEqual([[35_000_000, 875_000]]);
    expect(p.average).toMatchObject({ realisedCostCents: 950_000, realisedPnlCents: 2_195_000, costCents: 950_000 });
    expect(p.averageCostCentsPerBtc).toBe(2_714_286);
    // At $90,000 the 0.35 BTC is worth 3,150,000 ¢: FIFO unrealised 2,275,000, average 2,200,000.
    expect(unrealisedPnlCents(p.fifo, 9_000_000)).toBe(2_275_000);
    expect(unrealisedPnlCents(p.average, 9_000_000)).toBe(2_200_000);
    expect(p.monthlyOpexCents).toBe(1_250_000);
    expect(p.opexMonths).toEqual(['2026-10', '2026-11']);
    expect(runwayMonths(p.cashCents, p.monthlyOpexCents)).toBe(3.08);
    expect(coverNeed({ months: 6, cashCents: p.cashCents, opexCents: p.monthlyOpexCents, priceCentsPerBtc: 9_000_000 })).toEqual({ months: 6, needCents: 7_500_000, shortfallCents: 3_655_000, satsToSell: 40_611_112 });
  });

  it('reads as of a date: on 21 Nov the mistaken inflow was not yet reversed', async () => {
    const p = await getTreasuryPosition(db, farm.scope, t('2026-11-21T00:00:00'));
    // 0.3 + 0.4 + the mistaken 1 BTC (November's 2,500,000 ¢ a BTC): 900,000 + 1,000,000 + 2,500,000 ¢.
    expect(p.holdingsSats).toBe(170_000_000);
    expect(p.fifo.costCents).toBe(4_400_000);
  });

  it('imports pool payouts once: a second run adds nothing', async () => {
    expect(await importPoolPayouts(db, farm.scope, farm.owner.id, NOW)).toEqual({ imported: 0, skippedNoWallet: 0 });
    const rows = await queryRows<{ wallet_id: string; sats: number }>(db, sql`select wallet_id, sats::float8 as sats from treasury_entries where org_id = ${farm.org.id} and kind = 'pool_payout' order by occurred_at`);
    // The October payout went to the cold wallet's own address; November's to the payout wallet.
    expect(rows).toEqual([
      { wallet_id: cold, sats: 30_000_000 },
      { wallet_id: exchange, sats: 40_000_000 },
    ]);
  });

  it('refuses to edit or delete an entry (the trigger), and a second reversal', async () => {
    const [first] = await ledgerEntries(db, farm.scope);
    await expect(db.execute(sql`update treasury_entries set sats = 1 where id = ${first!.id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from treasury_entries where id = ${first!.id}`)).rejects.toThrow();
    const reversed = (await listLedger(db, farm.scope, { page: 1, pageSize: 50 })).rows.find((r) => r.reversedBy !== null)!;
    await expect(reverseEntry(db, farm.scope, reversed.id, null, farm.owner.id, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses outflows beyond the wallet or the cash, future dates and a fee above the sale', async () => {
    const uid = farm.owner.id;
    await expect(recordEntry(db, farm.scope, { kind: 'sale', walletId: exchange, occurredAt: NOW, sats: 4_000_001, priceCentsPerBtc: 9_000_000, feeCents: 0 }, uid, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Spending before the sats arrived is refused too (the exchange held nothing before 20 Nov).
    await expect(recordEntry(db, farm.scope, { kind: 'network_fee', walletId: exchange, occurredAt: t('2026-11-01T00:00:00'), sats: 1 }, uid, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(recordEntry(db, farm.scope, { kind: 'cash_out', occurredAt: NOW, cents: 3_845_001 }, uid, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(recordEntry(db, farm.scope, { kind: 'cash_in', occurredAt: t('2026-12-08T00:00:00'), cents: 1 }, uid, NOW)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(recordEntry(db, farm.scope, { kind: 'sale', walletId: exchange, occurredAt: NOW, sats: 100, priceCentsPerBtc: 9_000_000, feeCents: 10 }, uid, NOW)).rejects.toMatchObject({ code: 'VALIDATION' });
    // Reversing the November payout would leave the exchange short of the sale it paid for.
    const nov = (await ledgerEntries(db, farm.scope)).find((e) => e.kind === 'pool_payout' && e.walletId === exchange)!;
    await expect(reverseEntry(db, farm.scope, nov.id, null, uid, NOW)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getTreasuryPosition(db, farm.scope, NOW)).holdingsSats).toBe(35_000_000);
  });

  it('lets only the organization’s own deletion remove its ledger (the cascade), nothing else', async () => {
    const gone = await treasuryFarm(db);
    await seedTreasuryLedger(db, gone, NOW);
    await expect(db.execute(sql`delete from treasury_entries where org_id = ${gone.org.id}`)).rejects.toThrow();
    await db.execute(sql`delete from organizations where id = ${gone.org.id}`);
    const [left] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from treasury_entries where org_id = ${gone.org.id}`);
    expect(left!.n).toBe(0);
    expect((await getTreasuryPosition(db, farm.scope, NOW)).holdingsSats).toBe(35_000_000);
  });

  it('is closed to scopes that are not organization-wide, and to other organizations', async () => {
    const siteOwner: Scope = { orgId: farm.org.id, sites: [farm.a.id], customers: 'all' };
    await expect(getTreasuryPosition(db, siteOwner, NOW)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const other = await treasuryFarm(db);
    const p = await getTreasuryPosition(db, other.scope, NOW);
    expect(p.holdingsSats).toBe(0);
    await expect(recordEntry(db, other.scope, { kind: 'network_fee', walletId: cold, occurredAt: NOW, sats: 1 }, null, NOW)).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
