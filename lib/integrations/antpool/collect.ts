import type { Db } from '@/db/client';
import { syncAlerts } from '@/db/queries/pool/alerts';
import { buildDailySummaries, saveBalance, saveHashrate, savePayments, savePoolStats, saveWorkers, type WorkerSnapshot } from '@/db/queries/pool/collect';
import { refreshPatternLinks } from '@/db/queries/pool/links';
import { isLowHashrate, LOW_HASHRATE_PCT_OF_DAY } from '@/lib/domain/pool/low-hashrate';
import type { Antpool } from './factory';

/*
 * One account's share of each tier: fetch, then upsert into its time bucket. Each returns a plain
 * JSON summary (it is a step result) including how many requests it made.
 */
const TEN_MIN = 600_000;
const HOUR = 3_600_000;
export const floorTo = (at: Date, ms: number) => new Date(Math.floor(at.getTime() / ms) * ms);
const subjectOf = (userId: string, worker: string) => `${userId}/${worker}`;

export async function collectTier1Account(pool: Antpool, db: Db, accountId: string, isLeaf: boolean, at: Date) {
  const { account, client, api } = await pool.clientForAccount(db, accountId);
  const bucket = floorTo(at, TEN_MIN);
  const o = { accountId };
  await saveBalance(db, accountId, bucket, await api.account(account.userId, o));
  const ov = await api.overview(account.userId, o);
  await saveHashrate(db, accountId, bucket, ov);
  let offline = 0;
  if (isLeaf && ov.inactiveWorkers > 0) {
    const { workers } = await api.workers(account.userId, 2, o);
    offline = workers.length;
    await syncAlerts(db, { orgId: account.orgId, accountId, kind: 'worker_offline', at, current: workers.map((w) => ({ subject: subjectOf(account.userId, w.workerName), detail: { hs1d: w.hs1d, lastShareAt: w.lastShareAt?.toISOString() ?? null } })) });
  } else if (isLeaf) {
    await syncAlerts(db, { orgId: account.orgId, accountId, kind: 'worker_offline', at, current: [] });
  }
  return { calls: client.calls, offline, hs10m: ov.hs10m, activeWorkers: ov.activeWorkers };
}

export async function collectPoolStats(pool: Antpool, db: Db, accountId: string, at: Date) {
  const { account, client, api } = await pool.clientForAccount(db, accountId);
  await savePoolStats(db, account.orgId, account.coin, floorTo(at, TEN_MIN), await api.poolStats({ accountId }));
  return { calls: client.calls };
}

export async function collectTier2Account(pool: Antpool, db: Db, accountId: string, at: Date) {
  const { account, client, api } = await pool.clientForAccount(db, accountId);
  const hour = floorTo(at, HOUR);
  const { workers, pages } = await api.workers(account.userId, 0, { accountId });
  const snapshots: WorkerSnapshot[] = workers.map((w) => ({ ...w, status: Number(w.hs10m) > 0 ? 'online' : 'offline' }));
  await saveWorkers(db, accountId, hour, snapshots);
  const low = snapshots.filter((w) => isLowHashrate(w));
  const offline = snapshots.filter((w) => w.status === 'offline');
  await syncAlerts(db, { orgId: account.orgId, accountId, kind: 'low_hashrate', at, current: low.map((w) => ({ subject: subjectOf(account.userId, w.workerName), detail: { hs1h: w.hs1h, hs1d: w.hs1d, thresholdPct: LOW_HASHRATE_PCT_OF_DAY } })) });
  await syncAlerts(db, { orgId: account.orgId, accountId, kind: 'worker_offline', at, current: offline.map((w) => ({ subject: subjectOf(account.userId, w.workerName), detail: { hs1d: w.hs1d, lastShareAt: w.lastShareAt?.toISOString() ?? null } })) });
  const links = await refreshPatternLinks(db, { orgId: account.orgId, accountId, pattern: account.workerPattern, recordedAt: hour });
  return { calls: client.calls, pages, workers: snapshots.length, low: low.length, offline: offline.length, ...links };
}

/** Tier 3: the recv history (daily earnings), payouts, and yesterday's per-worker summaries. */
export async function collectTier3Account(pool: Antpool, db: Db, accountId: string, at: Date) {
  const { account, client, api } = await pool.clientForAccount(db, accountId);
  const o = { accountId };
  const recv = await api.recv(account.userId, 1, o);
  const paid = await api.payouts(account.userId, 1, o);
  await savePayments(db, accountId, [...recv.map((r) => ({ kind: 'recv' as const, ...r })), ...paid.map((p) => ({ kind: 'payout' as const, ...p }))]);
  const yesterday = new Date(floorTo(at, 86_400_000).getTime() - 86_400_000).toISOString().slice(0, 10);
  const summaries = await buildDailySummaries(db, accountId, yesterday);
  return { calls: client.calls, recv: recv.length, payouts: paid.length, day: yesterday, summaries };
}
