import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { createWallet, importPoolPayouts, putOpex, putTreasurySettings, recordEntry } from '../queries/treasury/writes';
import { treasuryWallets } from '../schema';

/*
 * DEMO DATA ONLY. The demo organization's treasury, from what the demo already holds:
 *  - energy: each site's days in power_daily, summed from the seeded daily telemetry (energy_wh) at the
 *    site's electricity price (cost_mc = Wh × USD/kWh × 100), where the power jobs have not written the
 *    day — the same days the demo pool earned on;
 *  - inventory: the demo pool's payouts imported into the ledger (to the demo cold address when it is
 *    the payout address, else the demo exchange account);
 *  - costs: staff and maintenance per month, an opening cash deposit, one sale of a fifth of the first
 *    month's payouts at the stored daily close of its day (no sale when no close is stored).
 * Idempotent: an organization that already has treasury wallets is left as it is.
 */
export async function seedDemoTreasury(db: Db, orgId: string, now = new Date()) {
  const [has] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${treasuryWallets} where org_id = ${orgId}`);
  if ((has?.n ?? 0) > 0) return;
  const scope = { orgId, sites: 'all' as const, customers: 'all' as const };

  await db.execute(sql`
    insert into power_daily (site_id, day, org_id, energy_wh, wh_peak, wh_shoulder, wh_off_peak, wh_flat, cost_mc, avg_w, peak_w, co2_g, miner_count, buckets, source)
    select d.site_id, d.day, d.org_id, sum(d.energy_wh)::bigint, 0, 0, 0, sum(d.energy_wh)::bigint,
      round(sum(d.energy_wh) * s.electricity_usd_per_kwh * 100)::bigint, round(sum(d.energy_wh) / 24.0)::bigint, round(sum(d.energy_wh) / 24.0)::bigint, 0,
      count(*)::int, 288, 'telemetry'
    from telemetry_daily d join sites s on s.id = d.site_id
    where d.org_id = ${orgId}
    group by d.site_id, d.day, d.org_id, s.electricity_usd_per_kwh
    on conflict do nothing`);

  const [payout] = await queryRows<{ address: string | null }>(
    db,
    sql`select p.wallet_address as address from pool_payment_history p join pool_accounts a on a.id = p.account_id where a.org_id = ${orgId} and p.kind = 'payout' and p.wallet_address is not null limit 1`,
  );
  const cold = await createWallet(db, scope, { kind: 'address', label: 'Demo cold storage', address: payout?.address ?? null }, null);
  const exchange = await createWallet(db, scope, { kind: 'exchange', label: 'Demo exchange' }, null);
  await putTreasurySettings(db, scope, { runwayAlertMonths: 3, coverMonths: 6, payoutWalletId: payout?.address ? cold.id : exchange.id }, null);
  await importPoolPayouts(db, scope, null, now);

  const months = await queryRows<{ month: string }>(
    db,
    sql`select distinct to_char(p.paid_at at time zone 'UTC', 'YYYY-MM') as month from pool_payment_history p join pool_accounts a on a.id = p.account_id where a.org_id = ${orgId} and p.kind = 'recv' order by 1`,
  );
  for (const { month } of months) {
    await putOpex(db, scope, { month, category: 'staff', amountCents: 1_800_000, note: 'Demo' }, null);
    await putOpex(db, scope, { month, category: 'maintenance', amountCents: 400_000, note: 'Demo' }, null);
  }

  const [first] = await queryRows<{ at: Date }>(db, sql`select min(occurred_at) as at from treasury_entries where org_id = ${orgId}`);
  if (!first?.at) return;
  const start = new Date(first.at);
  await recordEntry(db, scope, { kind: 'cash_in', occurredAt: new Date(start.getTime() - 86_400_000), cents: 15_000_000, note: 'Demo opening cash' }, null, now);
  const [held] = await queryRows<{ wallet: string; sats: number; at: Date }>(
    db,
    sql`select wallet_id as wallet, sum(sats)::float8 as sats, max(occurred_at) as at from treasury_entries
        where org_id = ${orgId} and kind = 'pool_payout' and occurred_at < ${new Date(start.getTime() + 14 * 86_400_000).toISOString()}::timestamptz
        group by wallet_id order by 2 desc limit 1`,
  );
  const [close] = await queryRows<{ day: string; usd: string }>(db, sql`select day::text as day, price_close_usd::text as usd from network_daily where price_close_usd is not null and day <= ${now.toISOString().slice(0, 10)}::date order by day desc limit 1`);
  if (!held || !close || held.sats < 5) return;
  const saleAt = new Date(new Date(held.at).getTime() + 3_600_000);
  if (saleAt > now) return;
  await recordEntry(
    db,
    scope,
    { kind: 'sale', walletId: held.wallet, occurredAt: saleAt, sats: Math.floor(held.sats / 5), priceCentsPerBtc: Math.round(Number(close.usd) * 100), feeCents: 2_500, note: `Demo: priced at the stored daily close of ${close.day}` },
    null,
    now,
  );
}
