import { fitTrend, type TrendFit } from './trend';
import type { AnomalyFlag, AnomalySeverity, ExplainPart, MinerObservation, RobustStats } from './types';

/*
 * Robust anomaly rules, one miner at a time against (a) its own 30-day history of daily averages
 * and (b) the other miners of its model at its site right now. Distance is a robust z-score:
 * (value − median) / max(1.4826 × MAD, floor). 1.4826 × MAD estimates σ for normal data and one
 * bad day cannot move it; the floor keeps a very steady machine from flagging on a 1 % wobble.
 * A metric trips at |z| ≥ 4 in the bad direction AND a minimum size that matters to an operator.
 * The thresholds below are the ones scripts/anomaly-eval measures (precision/recall in the README).
 */
export const MAD_TO_SD = 1.4826;
export const Z_TRIP = 4;
export const MIN_OWN_DAYS = 5;
export const MIN_PEERS = 4;

const FLOOR = {
  hashrateThs: (ref: number) => 0.02 * Math.abs(ref),
  powerW: (ref: number) => 0.015 * Math.abs(ref),
  chipTempC: () => 1.5,
  fanMinRpm: (ref: number) => 0.05 * Math.abs(ref),
  rejectPct: () => 0.25,
};
type Metric = keyof typeof FLOOR;

type Dev = { ref: number; delta: number; rel: number; z: number; n: number };

function deviation(value: number, stats: RobustStats | null, metric: Metric, minN: number): Dev | null {
  if (!stats || stats.n < minN || !Number.isFinite(stats.median)) return null;
  const scale = Math.max(MAD_TO_SD * stats.mad, FLOOR[metric](stats.median), 1e-9);
  const delta = value - stats.median;
  return { ref: stats.median, delta, rel: stats.median === 0 ? 0 : delta / Math.abs(stats.median), z: delta / scale, n: stats.n };
}

type Side = { own: Dev | null; peer: Dev | null };

function sides(m: MinerObservation, metric: Exclude<Metric, 'rejectPct'>): Side | null {
  const value = m.recent[metric];
  if (value === null) return null;
  return { own: deviation(value, m.own[metric], metric, MIN_OWN_DAYS), peer: deviation(value, m.peers[metric], metric, MIN_PEERS) };
}

/** Whether either reference puts the value `dir` (−1 below, +1 above) by z ≥ Z_TRIP and `min(dev)` holds. */
function trips(s: Side, dir: 1 | -1, min: (d: Dev) => boolean): boolean {
  return [s.own, s.peer].some((d) => d !== null && dir * d.z >= Z_TRIP && min(d));
}
const score = (s: Side, dir: 1 | -1) => Math.max(0, ...[s.own, s.peer].map((d) => (d === null ? 0 : dir * d.z)));
const r1 = (v: number) => Math.round(v * 10) / 10;
const r0 = (v: number) => Math.round(v);
const pct = (rel: number) => r1(Math.abs(rel) * 100);

/** "… % below its 30-day median, … % below others of its model" fragments for a relative metric. */
function relParts(s: Side, dir: 1 | -1): ExplainPart[] {
  const word = dir < 0 ? 'Below' : 'Above';
  const out: ExplainPart[] = [];
  if (s.own && dir * s.own.delta > 0) out.push({ key: `ownPct${word}`, values: { pct: pct(s.own.rel), days: s.own.n } });
  if (s.peer && dir * s.peer.delta > 0) out.push({ key: `peersPct${word}`, values: { pct: pct(s.peer.rel), peers: s.peer.n } });
  return out;
}

/** "… °C above its 30-day median and … °C above others of its model". */
function tempParts(s: Side): ExplainPart[] {
  const out: ExplainPart[] = [];
  if (s.own && s.own.delta > 0) out.push({ key: 'ownDegAbove', values: { delta: r1(s.own.delta), days: s.own.n } });
  if (s.peer && s.peer.delta > 0) out.push({ key: 'peersDegAbove', values: { delta: r1(s.peer.delta), peers: s.peer.n } });
  return out;
}

const worst = (s: Side, dir: 1 | -1) => Math.max(0, ...[s.own, s.peer].map((d) => (d === null ? 0 : dir * d.rel)));
const worstDelta = (s: Side, dir: 1 | -1) => Math.max(0, ...[s.own, s.peer].map((d) => (d === null ? 0 : dir * d.delta)));

/** A steady drift in `dir` over the daily series: a line fits better than any step, and it adds up. */
export function driftOf(values: number[], dir: 1 | -1, minPerDay: (level: number) => number, minTotal: (level: number) => number): TrendFit | null {
  const fit = fitTrend(values);
  if (!fit) return null;
  const level = Math.abs(fit.start);
  const total = dir * (fit.end - fit.start);
  const steady = fit.r2 >= 0.6 && fit.lineSse < fit.stepSse;
  return steady && dir * fit.slopePerDay >= minPerDay(level) && total >= minTotal(level) ? fit : null;
}

export function detectMiner(m: MinerObservation): AnomalyFlag[] {
  const flags: AnomalyFlag[] = [];
  const base = { minerId: m.minerId, siteId: m.siteId };
  const hash = sides(m, 'hashrateThs');
  const temp = sides(m, 'chipTempC');
  const power = sides(m, 'powerW');
  const fan = sides(m, 'fanMinRpm');
  // A machine asleep, curtailed to zero or offline is the OFFLINE rule's business, not an anomaly.
  if (!hash || m.recent.hashrateThs === null || m.recent.hashrateThs <= 0) return flags;

  const fanRef = fan?.peer?.ref ?? fan?.own?.ref ?? null;
  const fanDead = m.recent.fanMinRpm !== null && (m.recent.fanMinRpm === 0 || (fanRef !== null && fanRef > 0 && m.recent.fanMinRpm < 0.4 * fanRef));
  if (fanDead) {
    const explain: ExplainPart[] = [{ key: 'fan', values: { value: r0(m.recent.fanMinRpm!) } }];
    if (fanRef !== null) explain.push({ key: 'fanPeers', values: { ref: r0(fanRef) } });
    if (temp && m.recent.chipTempC !== null && score(temp, 1) >= 2) explain.push({ key: 'chipTemp', values: { value: r1(m.recent.chipTempC) } }, ...tempParts(temp));
    flags.push({ ...base, kind: 'fan_failure', severity: 'critical', observed: m.recent.fanMinRpm!, unit: 'rpm', score: fan ? Math.max(score(fan, -1), Z_TRIP) : Z_TRIP, explain });
  }

  const hashDown = trips(hash, -1, (d) => d.rel <= -0.05);
  // One of three hash boards gone: hashrate and power fall together, by a third or so.
  const boardLoss = hashDown && worst(hash, -1) >= 0.2 && power !== null && trips(power, -1, (d) => d.rel <= -0.5 * worst(hash, -1));
  if (boardLoss) {
    flags.push({
      ...base,
      kind: 'hashboard_loss',
      severity: 'critical',
      observed: m.recent.hashrateThs,
      unit: 'TH/s',
      score: score(hash, -1),
      explain: [{ key: 'hashrate', values: { value: r1(m.recent.hashrateThs) } }, ...relParts(hash, -1), { key: 'power', values: { value: r0(m.recent.powerW!) } }, ...relParts(power, -1)],
    });
  }

  const hashDrift = driftOf(m.dailyHashrateThs, -1, (l) => 0.003 * l, (l) => 0.03 * l);
  if (hashDrift) {
    const perDay = -hashDrift.slopePerDay / Math.abs(hashDrift.start);
    flags.push({
      ...base,
      kind: 'hashrate_drift',
      severity: perDay * (hashDrift.n - 1) >= 0.15 ? 'critical' : 'warning',
      observed: m.recent.hashrateThs,
      unit: 'TH/s',
      score: r1(hashDrift.r2 * 10),
      explain: [{ key: 'hashrate', values: { value: r1(m.recent.hashrateThs) } }, { key: 'fallingPerDay', values: { pct: r1(perDay * 100), days: hashDrift.n, total: r1(perDay * (hashDrift.n - 1) * 100) } }],
    });
  }
  // Below normal but where the drift's line says it should be: the drift flag already says it.
  const onTrend = hashDrift !== null && Math.abs(m.recent.hashrateThs - (hashDrift.end + hashDrift.slopePerDay)) <= Z_TRIP * FLOOR.hashrateThs(hashDrift.start);
  if (hashDown && !boardLoss && !onTrend) {
    const severity: AnomalySeverity = worst(hash, -1) >= 0.25 ? 'critical' : 'warning';
    flags.push({ ...base, kind: 'hashrate_drop', severity, observed: m.recent.hashrateThs, unit: 'TH/s', score: score(hash, -1), explain: [{ key: 'hashrate', values: { value: r1(m.recent.hashrateThs) } }, ...relParts(hash, -1)] });
  }

  if (temp && m.recent.chipTempC !== null && !fanDead && trips(temp, 1, (d) => d.delta >= 3)) {
    const severity: AnomalySeverity = worstDelta(temp, 1) >= 10 || m.recent.chipTempC >= 95 ? 'critical' : 'warning';
    flags.push({ ...base, kind: 'temp_high', severity, observed: m.recent.chipTempC, unit: '°C', score: score(temp, 1), explain: [{ key: 'chipTemp', values: { value: r1(m.recent.chipTempC) } }, ...tempParts(temp)] });
  }
  const tempDrift = fanDead ? null : driftOf(m.dailyChipTempC, 1, () => 0.2, () => 3);
  if (tempDrift && m.recent.chipTempC !== null) {
    flags.push({
      ...base,
      kind: 'temp_drift',
      severity: 'warning',
      observed: m.recent.chipTempC,
      unit: '°C',
      score: r1(tempDrift.r2 * 10),
      explain: [{ key: 'chipTemp', values: { value: r1(m.recent.chipTempC) } }, { key: 'risingPerDay', values: { delta: r1(tempDrift.slopePerDay), days: tempDrift.n, total: r1(tempDrift.end - tempDrift.start) } }],
    });
  }

  if (power && m.recent.powerW !== null && !boardLoss) {
    for (const dir of [1, -1] as const) {
      if (!trips(power, dir, (d) => dir * d.rel >= 0.03)) continue;
      flags.push({ ...base, kind: 'power_shift', severity: 'warning', observed: m.recent.powerW, unit: 'W', score: score(power, dir), explain: [{ key: 'power', values: { value: r0(m.recent.powerW) } }, ...relParts(power, dir)] });
    }
  }

  if (m.recent.rejectPct !== null) {
    const own = m.own.rejectPct === null ? null : deviation(m.recent.rejectPct, { median: m.own.rejectPct, mad: 0, n: MIN_OWN_DAYS }, 'rejectPct', MIN_OWN_DAYS);
    const rej: Side = { own, peer: deviation(m.recent.rejectPct, m.peers.rejectPct, 'rejectPct', MIN_PEERS) };
    if (trips(rej, 1, (d) => d.delta >= 1)) {
      const explain: ExplainPart[] = [{ key: 'rejects', values: { value: r1(m.recent.rejectPct) } }];
      if (rej.own && rej.own.delta > 0) explain.push({ key: 'ownPointsAbove', values: { delta: r1(rej.own.delta), ref: r1(rej.own.ref) } });
      if (rej.peer && rej.peer.delta > 0) explain.push({ key: 'peersPointsAbove', values: { delta: r1(rej.peer.delta), ref: r1(rej.peer.ref) } });
      flags.push({ ...base, kind: 'reject_high', severity: worstDelta(rej, 1) >= 5 ? 'critical' : 'warning', observed: m.recent.rejectPct, unit: '%', score: score(rej, 1), explain });
    }
  }
  return flags;
}

export const detectAnomalies = (miners: MinerObservation[]) => miners.flatMap(detectMiner);
