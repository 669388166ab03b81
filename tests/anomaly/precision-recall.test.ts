import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { loadAnomalyInputs } from '@/db/queries/anomaly/inputs';
import { detectAnomalies } from '@/lib/domain/anomaly/detect';
import type { AnomalyKind } from '@/lib/domain/anomaly/types';
import { createTestDb } from '../helpers/db';
import { INJECTED, type Injected, simulateFarm, type Truth } from './simulated-farm';

/*
 * Precision and recall of the anomaly detector on anomalies injected into simulator data
 * (tests/anomaly/simulated-farm.ts): the real SQL baselines (db/queries/anomaly/inputs.ts) on a real
 * database, then the pure detector. Three farms (seeds), each 2 sites × 2 models × 30 miners = 120
 * miners, 8 of each injected kind per farm (2 per site and model) → 24 per kind, 264 untouched.
 * Per kind K, with the flag kind that names it: precision = miners flagged K that were injected K /
 * miners flagged K; recall = miners injected K that were flagged K / miners injected K. The README
 * quotes the figures this prints. The floors sit under the measured figures and fail if the detector
 * or the baselines regress.
 */
const EXPECTED: Record<Injected, AnomalyKind> = { step_drop: 'hashrate_drop', slow_drift: 'hashrate_drift', fan_failure: 'fan_failure', hashboard_loss: 'hashboard_loss' };
const FLOORS: Record<Injected, { precision: number; recall: number }> = {
  step_drop: { precision: 0.9, recall: 0.85 },
  slow_drift: { precision: 0.9, recall: 0.65 },
  fan_failure: { precision: 0.95, recall: 0.95 },
  hashboard_loss: { precision: 0.95, recall: 0.95 },
};

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createTestDb());
});
afterAll(() => drop());

describe('anomaly detection on injected simulator anomalies', () => {
  it('meets the precision and recall floors per anomaly kind', async () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const truth: Truth[] = [];
    const flagged = new Map<string, Set<AnomalyKind>>();
    for (const seed of [11, 22, 33]) {
      const farm = await simulateFarm(db, { seed, now, perGroup: 30, perKind: 2 });
      truth.push(...farm.truth);
      for (const f of detectAnomalies(await loadAnomalyInputs(db, farm.orgId, now))) {
        if (!flagged.has(f.minerId)) flagged.set(f.minerId, new Set());
        flagged.get(f.minerId)!.add(f.kind);
      }
    }
    const rows = INJECTED.map((kind) => {
      const k = EXPECTED[kind];
      const tp = truth.filter((t) => t.injected === kind && flagged.get(t.minerId)?.has(k)).length;
      const fn = truth.filter((t) => t.injected === kind).length - tp;
      const fp = truth.filter((t) => t.injected !== kind && flagged.get(t.minerId)?.has(k)).length;
      const fpFrom = truth.filter((t) => t.injected !== kind && flagged.get(t.minerId)?.has(k)).map((t) => t.injected ?? 'untouched').join(' ');
      return { kind, flag: k, injected: tp + fn, tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), fpFrom };
    });
    const normal = truth.filter((t) => t.injected === null);
    const falseAlarms = normal.filter((t) => flagged.has(t.minerId)).length;
    const injected = truth.filter((t) => t.injected !== null);
    const caught = injected.filter((t) => flagged.has(t.minerId)).length;
    console.table(rows.map((r) => ({ ...r, precision: r.precision.toFixed(3), recall: r.recall.toFixed(3) })));
    console.log(`any flag: ${caught}/${injected.length} injected miners flagged; ${falseAlarms}/${normal.length} untouched miners flagged`);
    for (const r of rows) {
      expect(r.injected).toBe(24);
      expect(r.precision, `${r.kind} precision`).toBeGreaterThanOrEqual(FLOORS[r.kind].precision);
      expect(r.recall, `${r.kind} recall`).toBeGreaterThanOrEqual(FLOORS[r.kind].recall);
    }
    expect(falseAlarms / normal.length, 'untouched miners flagged').toBeLessThanOrEqual(0.05);
  }, 240_000);
});
