import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { poolAccountBalances, poolHashrates, poolPaymentHistory, poolStats, poolWorkers } from '../../schema';

/*
 * Writes of the collection tiers. Each is an upsert on the row's natural key (subject + time
 * bucket), so a re-run of the same bucket rewrites the same rows instead of adding new ones.
 */
const excluded = (col: string) => sql.raw(`excluded.${col}`);

export async function saveBalance(db: Db, accountId: string, recordedAt: Date, b: { earn24hSats: number; earnTotalSats: number; paidOutSats: number; balanceSats: number; settleTime: Date | null }) {
  await db
    .insert(poolAccountBalances)
    .values({ accountId, recordedAt, ...b })
    .onConflictDoUpdate({
      target: [poolAccountBalances.accountId, poolAccountBalances.recordedAt],
      set: { earn24hSats: b.earn24hSats, earnTotalSats: b.earnTotalSats, paidOutSats: b.paidOutSats, balanceSats: b.balanceSats, settleTime: b.settleTime },
    });
}

export async function saveHashrate(
  db: Db,
  accountId: string,
  recordedAt: Date,
  h: { hs10m: string; hs1h: string; hs1d: string; totalWorkers: number; activeWorkers: number; inactiveWorkers: number; invalidWorkers: number },
) {
  await db.insert(poolHashrates).values({ accountId, recordedAt, ...h }).onConflictDoUpdate({ target: [poolHashrates.accountId, poolHashrates.recordedAt], set: h });
}

export async function savePoolStats(db: Db, orgId: string, coin: string, recordedAt: Date, s: { poolHashrateHs: string; activeWorkerNumber: number; networkDiff: string | null }) {
  const row = { poolHashrate: s.poolHashrateHs, activeWorkerNumber: s.activeWorkerNumber, networkDiff: s.networkDiff };
  await db.insert(poolStats).values({ orgId, coin, recordedAt, ...row }).onConflictDoUpdate({ target: [poolStats.orgId, poolStats.coin, poolStats.recordedAt], set: row });
}

export type WorkerSnapshot = { workerName: string; hs10m: string; hs1h: string; hs1d: string; rejectRatio: string | null; lastShareAt: Date | null; status: 'online' | 'offline' | 'invalid' };

/** Upserts one hour of worker rows in chunks (a 1,500-worker account is three statements). */
export async function saveWorkers(db: Db, accountId: string, recordedAt: Date, workers: WorkerSnapshot[]): Promise<number> {
  for (let i = 0; i < workers.length; i += 500) {
    await db
      .insert(poolWorkers)
      .values(workers.slice(i, i + 500).map((w) => ({ accountId, recordedAt, ...w })))
      .onConflictDoUpdate({
        target: [poolWorkers.accountId, poolWorkers.workerName, poolWorkers.recordedAt],
        set: { hs10m: excluded('hs10m'), hs1h: excluded('hs1h'), hs1d: excluded('hs1d'), rejectRatio: excluded('reject_ratio'), lastShareAt: excluded('last_share_at'), status: excluded('status') },
      });
  }
  return workers.length;
}

export type PaymentRow = {
  kind: 'payout' | 'recv';
  paidAt: Date;
  amountSats: number;
  ppsSats?: number;
  pplnsSats?: number;
  fppsBlockSats?: number;
  fppsFeeSats?: number;
  hashrate?: string;
  externalId?: string;
  txId?: string | null;
  walletAddress?: string | null;
};

export async function savePayments(db: Db, accountId: string, rows: PaymentRow[]): Promise<number> {
  if (!rows.length) return 0;
  await db
    .insert(poolPaymentHistory)
    .values(rows.map((r) => ({ accountId, ...r })))
    .onConflictDoUpdate({
      target: [poolPaymentHistory.accountId, poolPaymentHistory.kind, poolPaymentHistory.paidAt],
      set: {
        amountSats: excluded('amount_sats'), ppsSats: excluded('pps_sats'), pplnsSats: excluded('pplns_sats'), fppsBlockSats: excluded('fpps_block_sats'),
        fppsFeeSats: excluded('fpps_fee_sats'), hashrate: excluded('hashrate'), externalId: excluded('external_id'), txId: excluded('tx_id'), walletAddress: excluded('wallet_address'),
      },
    });
  return rows.length;
}

/**
 * One day's summary per worker, in SQL: average 24 h hashrate and online hours from the hourly
 * rows, and the account's earnings for that day (the recv row) shared out by hashrate. Efficiency
 * is the worker's uptime share of the hours observed.
 */
export async function buildDailySummaries(db: Db, accountId: string, day: string): Promise<number> {
  // UTC days whatever the session time zone.
  const from = sql`(${day}::date::timestamp at time zone 'UTC')`;
  const to = sql`((${day}::date + 1)::timestamp at time zone 'UTC')`;
  const [row] = await queryRows<{ n: number }>(db, sql`
    with hours as (
      select worker_name, avg(hs1h) as avg_hs, count(*) filter (where status = 'online') as online_h, count(*) as observed_h
      from pool_workers
      where account_id = ${accountId} and recorded_at >= ${from} and recorded_at < ${to}
      group by worker_name
    ), total as (select sum(avg_hs) as hs from hours),
    earned as (
      select coalesce(sum(amount_sats), 0) as sats from pool_payment_history
      where account_id = ${accountId} and kind = 'recv' and paid_at >= ${from} and paid_at < ${to}
    ), ins as (
    insert into pool_daily_worker_summaries (account_id, worker_name, day, avg_hs, online_hours, observed_hours, earned_sats, efficiency)
    select ${accountId}, h.worker_name, ${day}::date, round(h.avg_hs), h.online_h, h.observed_h,
           case when t.hs > 0 then floor(e.sats * h.avg_hs / t.hs) else 0 end,
           round(h.online_h::numeric / greatest(h.observed_h, 1), 4)
    from hours h cross join total t cross join earned e
    on conflict (account_id, worker_name, day) do update set
      avg_hs = excluded.avg_hs, online_hours = excluded.online_hours, observed_hours = excluded.observed_hours,
      earned_sats = excluded.earned_sats, efficiency = excluded.efficiency
    returning 1)
    select count(*)::int as n from ins`);
  return row?.n ?? 0;
}

/** Tier 4. Daily summaries, payments and balances are kept forever. */
export async function applyRetention(db: Db, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const count = async (del: SQL) => {
    const [row] = await queryRows<{ n: number }>(db, sql`with d as (${del} returning 1) select count(*)::int as n from d`);
    return row?.n ?? 0;
  };
  return {
    hashrates: await count(sql`delete from pool_hashrates where recorded_at < ${ago(3)}`),
    poolStats: await count(sql`delete from pool_stats where recorded_at < ${ago(3)}`),
    workers: await count(sql`delete from pool_workers where recorded_at < ${ago(7)}`),
    alerts: await count(sql`delete from pool_worker_alerts where resolved_at < ${ago(14)}`),
    apiLogs: await count(sql`delete from pool_api_call_logs where started_at < ${ago(30)}`),
  };
}
