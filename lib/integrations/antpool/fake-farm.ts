import { createHash } from 'node:crypto';

/*
 * The deterministic farm behind the local Antpool-compatible server: sub-accounts, their workers,
 * and what Antpool would report for them at a given time. Pure, so tests can predict every value.
 */
export type FakeSubAccount = { userId: string; workers: string[]; key?: string; secret?: string };
export type FakeFarm = {
  mainUserId: string;
  key: string;
  secret: string;
  subs: FakeSubAccount[];
  offline: Set<string>;
  low: Set<string>;
  /** Rated hashrate per worker in TH/s where the farm knows its machine (the demo: the miner's model); else nominalHs. */
  ratedThs?: Map<string, number>;
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/**
 * Satoshis per TH/s per day, used only by the fake pool: about the bundled snapshot's hashprice
 * (difficulty 141.67 T on 2026-01-31, 3.125 BTC subsidy + 0.022 BTC fees per block:
 * 86,400 · 10^12 · 3.147 / (141.67 · 10^12 · 2^32) ≈ 4.47 · 10^-7 BTC ≈ 45 sats), so the demo pool's
 * credits and the app's estimates from the same network figures agree.
 */
const SATS_PER_TH_DAY = 45;

function unit(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0) / 0x1_0000_0000;
}

/** 6,000 workers over four sub-accounts by default; two of them have keys of their own. */
export function buildFakeFarm(opts: { seed?: string; subs?: { userId: string; workers: number | string[]; ownKey?: boolean }[] } = {}): FakeFarm {
  const seed = opts.seed ?? 'hashinsight';
  const specs = opts.subs ?? [
    { userId: 'hi-yaan', workers: 1500, ownKey: true },
    { userId: 'hi-ekib', workers: 1500 },
    { userId: 'hi-abilene', workers: 1500, ownKey: true },
    { userId: 'hi-house', workers: 1500 },
  ];
  const subs = specs.map((s) => ({
    userId: s.userId,
    workers: typeof s.workers === 'number' ? Array.from({ length: s.workers }, (_, i) => `${s.userId}.w${String(i + 1).padStart(5, '0')}`) : s.workers,
    ...(s.ownKey ? { key: `key-${s.userId}`, secret: `secret-${seed}-${s.userId}` } : {}),
  }));
  const offline = new Set<string>();
  const low = new Set<string>();
  for (const w of subs.flatMap((s) => s.workers)) {
    const r = unit(seed, 'state', w);
    if (r < 0.02) offline.add(w);
    else if (r < 0.03) low.add(w);
  }
  return { mainUserId: 'hi-main', key: 'key-hi-main', secret: `secret-${seed}-main`, subs, offline, low };
}

/** Nominal hashrate of a worker in H/s: 90–200 TH/s, the spread of a mixed S19/S21 fleet. */
export function nominalHs(worker: string): number {
  return Math.round(90 + unit('nominal', worker) * 110) * 1e12;
}

/** A worker's nominal hashrate in H/s: its machine's rating when the farm knows it, else nominalHs. */
export function workerNominalHs(farm: FakeFarm, worker: string): number {
  const th = farm.ratedThs?.get(worker);
  return th === undefined ? nominalHs(worker) : Math.round(th * 1e12);
}

export type WorkerReading = { hs10m: number; hs1h: number; hs1d: number; rejectRatio: number; lastShareMs: number; online: boolean };

export function workerReading(farm: FakeFarm, worker: string, nowMs: number): WorkerReading {
  const nominal = workerNominalHs(farm, worker);
  const hour = Math.floor(nowMs / HOUR_MS);
  const jitter = (k: string) => 0.96 + unit(k, worker, hour) * 0.08;
  if (farm.offline.has(worker)) {
    return { hs10m: 0, hs1h: 0, hs1d: Math.round(nominal * 0.4), rejectRatio: 0, lastShareMs: nowMs - 5 * HOUR_MS, online: false };
  }
  const factor = farm.low.has(worker) ? 0.3 : 1;
  return {
    hs10m: Math.round(nominal * factor * jitter('10m')),
    hs1h: Math.round(nominal * factor * jitter('1h')),
    hs1d: Math.round(nominal * jitter('1d')),
    rejectRatio: Math.round(unit('rej', worker, hour) * 40) / 10000,
    lastShareMs: nowMs - Math.floor(unit('share', worker, hour) * 30_000),
    online: true,
  };
}

export function subTotals(farm: FakeFarm, sub: FakeSubAccount, nowMs: number) {
  let hs10m = 0;
  let hs1h = 0;
  let hs1d = 0;
  let active = 0;
  for (const w of sub.workers) {
    const r = workerReading(farm, w, nowMs);
    hs10m += r.hs10m;
    hs1h += r.hs1h;
    hs1d += r.hs1d;
    if (r.online) active++;
  }
  return { hs10m, hs1h, hs1d, total: sub.workers.length, active, inactive: sub.workers.length - active };
}

export type RecvDay = { dayStartMs: number; hashrateHs: number; ppsSats: number; pplnsSats: number; fppsBlockSats: number; fppsFeeSats: number };

/** FPPS earnings per UTC day for the 60 days before `nowMs`'s day: block subsidy share plus fee share. */
export function recvHistory(farm: FakeFarm, sub: FakeSubAccount, nowMs: number, days = 60): RecvDay[] {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const nominalTh = sub.workers.reduce((s, w) => s + (farm.offline.has(w) ? 0 : workerNominalHs(farm, w) / 1e12), 0);
  return Array.from({ length: days }, (_, i) => {
    const dayStartMs = today - (i + 1) * DAY_MS;
    const th = nominalTh * (0.97 + unit('day-hs', sub.userId, dayStartMs) * 0.05);
    const total = Math.round(th * SATS_PER_TH_DAY * (0.95 + unit('day-price', dayStartMs) * 0.1));
    const feeShare = 0.02 + unit('fees', dayStartMs) * 0.04;
    const fppsFeeSats = Math.round(total * feeShare);
    return { dayStartMs, hashrateHs: Math.round(th * 1e12), ppsSats: 0, pplnsSats: 0, fppsBlockSats: total - fppsFeeSats, fppsFeeSats };
  });
}

/** A payout each day at 02:00 UTC of the previous day's earnings. */
export function payouts(farm: FakeFarm, sub: FakeSubAccount, nowMs: number) {
  return recvHistory(farm, sub, nowMs)
    .map((d) => ({ ...d, paidMs: d.dayStartMs + DAY_MS + 2 * HOUR_MS }))
    .filter((d) => d.paidMs <= nowMs)
    .map((d) => ({
      id: createHash('sha256').update(`id|${sub.userId}|${d.dayStartMs}`).digest('hex').slice(0, 12),
      paidMs: d.paidMs,
      amountSats: d.fppsBlockSats + d.fppsFeeSats,
      txId: createHash('sha256').update(`tx|${sub.userId}|${d.dayStartMs}`).digest('hex'),
      walletAddress: `bc1q${createHash('sha256').update(`wallet|${sub.userId}`).digest('hex').slice(0, 38)}`,
    }));
}

export function satsToBtc(sats: number): string {
  const neg = sats < 0 ? '-' : '';
  const abs = Math.abs(Math.round(sats));
  return `${neg}${Math.floor(abs / 1e8)}.${String(abs % 1e8).padStart(8, '0')}`;
}
