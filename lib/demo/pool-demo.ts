import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { syncAlerts } from '@/db/queries/pool/alerts';
import { saveBalance, saveHashrate, savePayments, saveWorkers, type WorkerSnapshot } from '@/db/queries/pool/collect';
import { refreshPatternLinks } from '@/db/queries/pool/links';
import { minerModels, miners, poolAccounts, sites } from '@/db/schema';
import { LOW_HASHRATE_PCT_OF_DAY } from '@/lib/domain/pool/low-hashrate';
import { configureFakeAccounts } from '@/lib/integrations/antpool/fake-accounts';
import { buildFakeFarm, type FakeFarm, payouts, recvHistory, subTotals, workerReading } from '@/lib/integrations/antpool/fake-farm';

/*
 * DEMO DATA ONLY. A demo main pool account and one sub-account per site, with what the local
 * Antpool-compatible farm (lib/integrations/antpool/fake-farm.ts) reports for workers named after
 * the demo miners: the newest hour of workers, 24 h of account hashrate, balances, 30 days of earnings
 * and payouts, three days of per-worker summaries and the alerts they raise. Written straight from the
 * fake farm's formulas (no network). About 1 % of workers carry names no miner matches and a few
 * miners have no worker, so the mismatch page has something to fix. Idempotent: every write is an
 * upsert on its natural key.
 */
const HOUR = 3_600_000;
const DAY = 86_400_000;
const SUBS: Record<string, string> = { SC: 'demo-yaan', TX: 'demo-abilene', KZ: 'demo-ekib' };

/**
 * The demo pool's farm: its sub-accounts and workers, from the demo miners. The seed writes what it
 * reports; the app's local pool server in demo mode (lib/demo/pool-server.ts) serves the same farm.
 */
export async function demoPoolFarm(db: Db, orgId: string): Promise<FakeFarm> {
  const rows = await db
    .select({ workerName: miners.workerName, site: sites.name, status: miners.status, ratedThs: minerModels.hashrateThs })
    .from(miners)
    .innerJoin(sites, eq(sites.id, miners.siteId))
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .where(and(eq(miners.orgId, orgId), sql`${miners.workerName} is not null`))
    .orderBy(miners.workerName);
  const siteCode = (name: string) => (name.startsWith("Ya'an") ? 'SC' : name.startsWith('Abilene') ? 'TX' : 'KZ');
  const workersBySub = new Map<string, string[]>(Object.values(SUBS).map((u) => [u, []]));
  // Each worker hashes at its machine's rated hashrate (the model's), as the demo telemetry does, so the
  // pool's credited hashrate and the miners' measured one agree up to the jitter of each.
  const ratedThs = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.status === 'sold' || i % 397 === 5) return; // a few miners without a worker
    const name = i % 97 === 3 ? `${r.workerName}-old` : r.workerName!; // renamed on the pool side: no match
    workersBySub.get(SUBS[siteCode(r.site)]!)!.push(name);
    ratedThs.set(name, Number(r.ratedThs));
  });
  workersBySub.get(SUBS.SC!)!.push('spare.rig-01', 'spare.rig-02');
  const farm = buildFakeFarm({ seed: 'demo', subs: [...workersBySub].map(([userId, workers], i) => ({ userId, workers, ownKey: i === 0 })) });
  farm.mainUserId = 'demo-main';
  farm.ratedThs = ratedThs;
  return farm;
}

export async function seedDemoPool(db: Db, orgId: string, now = new Date()) {
  const farm = await demoPoolFarm(db, orgId);
  const ids = await configureFakeAccounts(db, orgId, farm);
  await db.update(poolAccounts).set({ label: sql`'Demo · ' || ${poolAccounts.userId}` }).where(eq(poolAccounts.orgId, orgId));

  const nowMs = now.getTime();
  const hour = new Date(Math.floor(nowMs / HOUR) * HOUR);
  for (const sub of farm.subs) {
    const accountId = ids.subIds[sub.userId]!;
    const snapshots: WorkerSnapshot[] = sub.workers.map((w) => {
      const r = workerReading(farm, w, nowMs);
      return { workerName: w, hs10m: String(r.hs10m), hs1h: String(r.hs1h), hs1d: String(r.hs1d), rejectRatio: String(r.rejectRatio), lastShareAt: new Date(r.lastShareMs), status: r.online ? 'online' : 'offline' };
    });
    await saveWorkers(db, accountId, hour, snapshots);
    await refreshPatternLinks(db, { orgId, accountId, pattern: '^[^.]+\\.(.+)$', recordedAt: hour });
    // 24 hourly account points: the farm's totals now, with a ±1.5 % wave before (recomputing the farm
    // for every hour costs seconds per sub-account, too slow for a seed).
    const tot = subTotals(farm, sub, nowMs);
    for (let h = 23; h >= 0; h--) {
      const k = h === 0 ? 1 : 1 + 0.015 * Math.sin(h * 1.7);
      const row = { hs10m: String(Math.round(tot.hs10m * k)), hs1h: String(Math.round(tot.hs1h * k)), hs1d: String(tot.hs1d), totalWorkers: tot.total, activeWorkers: tot.active, inactiveWorkers: tot.inactive, invalidWorkers: 0 };
      await saveHashrate(db, accountId, new Date(hour.getTime() - h * HOUR), row);
    }
    const recv = recvHistory(farm, sub, nowMs, 30);
    const paid = payouts(farm, sub, nowMs).slice(0, 30);
    const earnTotal = recv.reduce((s, d) => s + d.fppsBlockSats + d.fppsFeeSats, 0);
    const paidOut = paid.reduce((s, p) => s + p.amountSats, 0);
    // Today's accrual is the unpaid balance (yesterday's earnings went out at 02:00).
    const today = recv[0]!.fppsBlockSats + recv[0]!.fppsFeeSats;
    await saveBalance(db, accountId, new Date(Math.floor(nowMs / 600_000) * 600_000), { earn24hSats: today, earnTotalSats: earnTotal + today, paidOutSats: paidOut, balanceSats: earnTotal + today - paidOut, settleTime: null });
    await savePayments(db, accountId, [
      ...recv.map((d) => ({ kind: 'recv' as const, paidAt: new Date(d.dayStartMs), amountSats: d.fppsBlockSats + d.fppsFeeSats, fppsBlockSats: d.fppsBlockSats, fppsFeeSats: d.fppsFeeSats, hashrate: String(d.hashrateHs) })),
      ...paid.map((p) => ({ kind: 'payout' as const, paidAt: new Date(p.paidMs), amountSats: p.amountSats, externalId: p.id, txId: p.txId, walletAddress: p.walletAddress })),
    ]);
    // Per-worker summaries of the last three days: the day's earnings shared out by 24 h hashrate.
    // The total is passed in: as a joined aggregate, PGlite re-ran it for every row (30 s a day).
    const totalHs = snapshots.reduce((sum, w) => sum + Number(w.hs1d), 0);
    for (const d of recv.slice(0, 3)) {
      const day = new Date(d.dayStartMs).toISOString().slice(0, 10);
      await queryRows(
        db,
        sql`insert into pool_daily_worker_summaries (account_id, worker_name, day, avg_hs, online_hours, observed_hours, earned_sats, efficiency)
            select ${accountId}, w.worker_name, ${day}::date, w.hs1d, case when w.status = 'online' then 24 else 10 end, 24,
                   floor(${d.fppsBlockSats + d.fppsFeeSats}::numeric * w.hs1d / ${totalHs}::numeric), case when w.status = 'online' then 1 else 0.4167 end
            from pool_workers w
            where w.account_id = ${accountId} and w.recorded_at = ${hour.toISOString()}
            on conflict (account_id, worker_name, day) do update set earned_sats = excluded.earned_sats, avg_hs = excluded.avg_hs`,
      );
    }
    const subject = (w: string) => `${sub.userId}/${w}`;
    const offline = sub.workers.filter((w) => farm.offline.has(w));
    const low = sub.workers.filter((w) => farm.low.has(w));
    await syncAlerts(db, { orgId, accountId, kind: 'worker_offline', at: new Date(nowMs - 5 * HOUR), current: offline.map((w) => ({ subject: subject(w), detail: { demo: true } })) });
    // A few workers dipped earlier and recovered: resolved alerts with a duration, for the history.
    // Only on the first run, so a re-run does not add history.
    const [had] = await queryRows(db, sql`select 1 from pool_worker_alerts where account_id = ${accountId} and resolved_at is not null limit 1`);
    const dipped = had ? [] : sub.workers.filter((w) => !farm.offline.has(w) && !farm.low.has(w)).slice(0, 4);
    await syncAlerts(db, { orgId, accountId, kind: 'low_hashrate', at: new Date(nowMs - 6 * HOUR), current: [...low, ...dipped].map((w) => ({ subject: subject(w), detail: { demo: true, thresholdPct: LOW_HASHRATE_PCT_OF_DAY } })) });
    await syncAlerts(db, { orgId, accountId, kind: 'low_hashrate', at: new Date(nowMs - 2 * HOUR), current: low.map((w) => ({ subject: subject(w), detail: { demo: true, thresholdPct: LOW_HASHRATE_PCT_OF_DAY } })) });
  }
  return { accounts: 1 + farm.subs.length, workers: farm.subs.reduce((s, x) => s + x.workers.length, 0), since: new Date(nowMs - 30 * DAY) };
}
