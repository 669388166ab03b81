import { asc } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { minerModels, miners, telemetryDaily, telemetryHistory5min } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { createRng, gaussian } from '@/lib/edge/simulator/rng';
import { SimMiner } from '@/lib/edge/simulator/sim-miner';
import { makeOrg, makeSite } from '../helpers/fixtures';

/*
 * A simulated farm for measuring the anomaly detector: the edge simulator's machines (SimMiner, the
 * same model `npm run demo` serves over the CGMiner API) read once an hour for 30 days (averaged into
 * telemetry_daily rows) and every five minutes for the last hour (telemetry_history_5min rows), with
 * what SimMiner leaves out of a real farm added on top: each unit's own offsets (±3 % hashrate,
 * ±3 °C chip, ±2 % power — rack position, silicon lottery), a site-wide ambient swing per day (±2 °C)
 * and day-to-day wobble per miner (0.5 % hashrate, 0.7 °C, 0.3 % power). Then anomalies are injected
 * into chosen miners from a random onset:
 *  - step_drop: hashrate −5…−30 % at once (power −1…−3 %), onset 1–72 h ago;
 *  - slow_drift: hashrate −0.3…−1 % a day for the last 7–14 days;
 *  - fan_failure: one fan stops (slowest fan 0 rpm), chips +3…+15 °C, hashrate −0…−5 %, onset 1–48 h ago;
 *  - hashboard_loss: one of three boards gone, hashrate −33 %, power −28…−32 %, onset 1–72 h ago.
 */
export const INJECTED = ['step_drop', 'slow_drift', 'fan_failure', 'hashboard_loss'] as const;
export type Injected = (typeof INJECTED)[number];
export type Truth = { minerId: string; injected: Injected | null };

const HOUR = 3_600_000;
type Effect = { hash: number; power: number; temp: number; fanDead: boolean };
const NONE: Effect = { hash: 1, power: 1, temp: 0, fanDead: false };

export async function simulateFarm(db: Db, opts: { seed: number; now: Date; perGroup: number; perKind: number }) {
  await ensureMinerModels(db);
  const models = await db.select().from(minerModels).orderBy(asc(minerModels.id)).limit(2);
  const org = await makeOrg(db, `Anomaly sim ${opts.seed}`);
  const sitesList = [await makeSite(db, org.id), await makeSite(db, org.id)];
  const rng = createRng(opts.seed);
  const now = opts.now.getTime();
  const truth: Truth[] = [];
  const daily: (typeof telemetryDaily.$inferInsert)[] = [];
  const history: (typeof telemetryHistory5min.$inferInsert)[] = [];
  let index = 0;
  for (const site of sitesList) {
    const ambient = Array.from({ length: 31 }, () => gaussian(rng, 2));
    for (const model of models) {
      const kinds: (Injected | null)[] = Array.from({ length: opts.perGroup }, (_, i) => (i < opts.perKind * INJECTED.length ? INJECTED[i % INJECTED.length]! : null));
      for (const injected of kinds) {
        const spec = { name: model.name, vendor: 'antminer' as const, nominalThs: Number(model.hashrateThs), powerW: model.powerW };
        const sim = new SimMiner(index, `SIM${opts.seed}-${index}`, '', spec, 'bmminer', opts.seed * 10_000 + index, {}, () => now);
        index++;
        const unit = { hash: 1 + gaussian(rng, 0.03), temp: gaussian(rng, 3), power: 1 + gaussian(rng, 0.02) };
        const [miner] = await db.insert(miners).values({ orgId: org.id, siteId: site.id, modelId: model.id, name: `sim-${index}` }).returning();
        truth.push({ minerId: miner!.id, injected });
        const effect = effectOf(injected, rng, now);
        const reading = (t: number, dayIdx: number, wobble: { hash: number; temp: number; power: number }) => {
          const e = effect(t);
          return {
            hash: sim.hashrateThs() * unit.hash * wobble.hash * e.hash,
            power: sim.powerW() * unit.power * wobble.power * e.power,
            temp: sim.chipTempC() + unit.temp + ambient[dayIdx]! + wobble.temp + e.temp,
            fan: e.fanDead ? 0 : sim.fanRpm(),
          };
        };
        const today = Math.floor(now / 86_400_000) * 86_400_000;
        for (let d = 30; d >= 1; d--) {
          const dayStart = today - d * 86_400_000;
          const wobble = { hash: 1 + gaussian(rng, 0.005), temp: gaussian(rng, 0.7), power: 1 + gaussian(rng, 0.003) };
          const rs = Array.from({ length: 24 }, (_, h) => reading(dayStart + h * HOUR, 30 - d, wobble));
          const avg = (f: (r: (typeof rs)[number]) => number) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
          daily.push({
            minerId: miner!.id,
            day: new Date(dayStart).toISOString().slice(0, 10),
            orgId: org.id,
            siteId: site.id,
            samples: 288,
            onlineRatio: 1,
            hashrateAvgThs: avg((r) => r.hash),
            tempChipAvgC: avg((r) => r.temp),
            powerAvgW: avg((r) => r.power),
            fanMinRpm: Math.min(...rs.map((r) => r.fan)),
            energyWh: Math.round(avg((r) => r.power) * 24),
            uptimeHours: 24,
          });
        }
        const wobble = { hash: 1 + gaussian(rng, 0.005), temp: gaussian(rng, 0.7), power: 1 + gaussian(rng, 0.003) };
        for (let b = 12; b >= 1; b--) {
          const t = now - b * 300_000;
          const r = reading(t, 30, wobble);
          const accepted = 2000 + Math.round(gaussian(rng, 40));
          history.push({
            minerId: miner!.id,
            bucket: new Date(t),
            orgId: org.id,
            siteId: site.id,
            samples: 1,
            onlineSamples: 1,
            onlineRatio: 1,
            hashrateAvgThs: r.hash,
            tempChipAvgC: r.temp,
            powerAvgW: r.power,
            fanMinRpm: r.fan,
            acceptedDelta: accepted,
            rejectedDelta: Math.max(0, Math.round(accepted * 0.003 + gaussian(rng, 2.5))),
          });
        }
      }
    }
  }
  for (let i = 0; i < daily.length; i += 1000) await db.insert(telemetryDaily).values(daily.slice(i, i + 1000));
  for (let i = 0; i < history.length; i += 1000) await db.insert(telemetryHistory5min).values(history.slice(i, i + 1000));
  return { orgId: org.id, truth };
}

function effectOf(kind: Injected | null, rng: () => number, now: number): (t: number) => Effect {
  const between = (a: number, b: number) => a + (b - a) * rng();
  switch (kind) {
    case null:
      return () => NONE;
    case 'step_drop': {
      const onset = now - between(1, 72) * HOUR;
      const drop = between(0.05, 0.3);
      const power = 1 - between(0.01, 0.03);
      return (t) => (t >= onset ? { ...NONE, hash: 1 - drop, power } : NONE);
    }
    case 'slow_drift': {
      const days = between(7, 14);
      const start = now - days * 86_400_000;
      const perDay = between(0.003, 0.01);
      return (t) => (t >= start ? { ...NONE, hash: 1 - (perDay * (t - start)) / 86_400_000 } : NONE);
    }
    case 'fan_failure': {
      const onset = now - between(1, 48) * HOUR;
      const e = { hash: 1 - between(0, 0.05), power: 1, temp: between(3, 15), fanDead: true };
      return (t) => (t >= onset ? e : NONE);
    }
    case 'hashboard_loss': {
      const onset = now - between(1, 72) * HOUR;
      const e = { hash: 2 / 3, power: 1 - between(0.28, 0.32), temp: -1, fanDead: false };
      return (t) => (t >= onset ? e : NONE);
    }
  }
}
