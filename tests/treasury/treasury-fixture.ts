import type { Db } from '@/db/client';
import { createWallet, importPoolPayouts, putOpex, putTreasurySettings, recordEntry, reverseEntry } from '@/db/queries/treasury/writes';
import { poolAccounts, poolPaymentHistory, powerMonthly } from '@/db/schema';
import { isOrgWide, type Scope } from '@/lib/core/scope';
import { makeOrg, makeSite, makeUser } from '../helpers/fixtures';

const t = (s: string) => new Date(`${s}Z`);

/** A power_monthly row carrying only a cost (the figures the treasury does not read are zero). */
export async function energyMonth(db: Db, orgId: string, siteId: string, month: string, costCents: number) {
  const zero = { energyWh: 0, whPeak: 0, whShoulder: 0, whOffPeak: 0, whFlat: 0, avgW: 0, peakW: 0, co2G: 0, minerCount: 0, buckets: 0 };
  await db.insert(powerMonthly).values({ siteId, orgId, month: `${month}-01`, ...zero, costMc: costCents * 1000, source: 'meter' });
}

/**
 * The farm of the treasury tests (figures worked in tests/treasury/treasury.test.ts): energy of
 * $10,000 in October (two sites) and $8,000 in November; 0.5 BTC earned in October, 0.4 in November;
 * payouts of 0.3 BTC (20 Oct, to the cold address) and 0.4 BTC (20 Nov, to an address no wallet has).
 */
export async function treasuryFarm(db: Db) {
  const org = await makeOrg(db);
  const a = await makeSite(db, org.id, 'Alpha');
  const b = await makeSite(db, org.id, 'Bravo');
  const owner = await makeUser(db, { orgId: org.id, role: 'OWNER' });
  const scope: Scope = { orgId: org.id, sites: 'all', customers: 'all' };
  if (!isOrgWide(scope)) throw new Error('unreachable');
  await energyMonth(db, org.id, a.id, '2026-10', 600_000);
  await energyMonth(db, org.id, b.id, '2026-10', 400_000);
  await energyMonth(db, org.id, a.id, '2026-11', 800_000);
  const [acct] = await db.insert(poolAccounts).values({ orgId: org.id, label: 'Main', userId: `u${org.id.slice(0, 8)}` }).returning();
  await db.insert(poolPaymentHistory).values([
    { accountId: acct!.id, kind: 'recv', paidAt: t('2026-10-05T00:00:00'), amountSats: 25_000_000 },
    { accountId: acct!.id, kind: 'recv', paidAt: t('2026-10-06T00:00:00'), amountSats: 25_000_000 },
    { accountId: acct!.id, kind: 'recv', paidAt: t('2026-11-05T00:00:00'), amountSats: 40_000_000 },
    { accountId: acct!.id, kind: 'payout', paidAt: t('2026-10-20T00:00:00'), amountSats: 30_000_000, txId: 'aa'.repeat(32), walletAddress: 'bc1qcold' },
    { accountId: acct!.id, kind: 'payout', paidAt: t('2026-11-20T00:00:00'), amountSats: 40_000_000, txId: 'bb'.repeat(32), walletAddress: 'bc1qother' },
  ]);
  return { org, a, b, scope, owner: owner.user, poolAccountId: acct!.id };
}

/** The ledger of tests/treasury/treasury.test.ts's worked example, on a treasuryFarm. */
export async function seedTreasuryLedger(db: Db, farm: Awaited<ReturnType<typeof treasuryFarm>>, NOW: Date) {
    const uid = farm.owner.id;
    const cold = (await createWallet(db, farm.scope, { kind: 'address', label: 'Cold', address: 'bc1qcold' }, uid)).id;
    const exchange = (await createWallet(db, farm.scope, { kind: 'exchange', label: 'Exchange' }, uid)).id;
    await putTreasurySettings(db, farm.scope, { runwayAlertMonths: 4, coverMonths: 6, payoutWalletId: exchange }, uid);
    await putOpex(db, farm.scope, { month: '2026-10', category: 'hosting', amountCents: 500_000 }, uid);
    await putOpex(db, farm.scope, { month: '2026-11', category: 'staff', amountCents: 123 }, uid);
    await putOpex(db, farm.scope, { month: '2026-11', category: 'staff', amountCents: 200_000 }, uid);
    const imported = await importPoolPayouts(db, farm.scope, uid, NOW);
    if (imported.imported !== 2) throw new Error('expected two payouts');
    await recordEntry(db, farm.scope, { kind: 'cash_in', occurredAt: t('2026-11-01T00:00:00'), cents: 1_000_000 }, uid, NOW);
    const wrong = await recordEntry(db, farm.scope, { kind: 'inflow', walletId: cold, occurredAt: t('2026-11-10T00:00:00'), sats: 100_000_000, txHash: 'cc'.repeat(32) }, uid, NOW);
    await reverseEntry(db, farm.scope, wrong.id, 'typo', uid, NOW);
    await recordEntry(db, farm.scope, { kind: 'sale', walletId: exchange, occurredAt: t('2026-11-25T00:00:00'), sats: 35_000_000, priceCentsPerBtc: 9_000_000, feeCents: 5_000 }, uid, NOW);
    await recordEntry(db, farm.scope, { kind: 'transfer', walletId: exchange, toWalletId: cold, occurredAt: t('2026-11-26T00:00:00'), sats: 1_000_000, feeSats: 0 }, uid, NOW);
    await recordEntry(db, farm.scope, { kind: 'cash_out', occurredAt: t('2026-12-01T00:00:00'), cents: 300_000 }, uid, NOW);
    return { cold, exchange };
}
