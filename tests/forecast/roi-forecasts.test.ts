import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { upsertForecast } from '@/db/queries/forecast/forecasts';
import type { SeriesForecast } from '@/lib/domain/forecast/run-forecast';
import { loadRoiForecasts } from '@/lib/integrations/forecast/load';
import { createTestDb } from '../helpers/db';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createTestDb());
});
afterAll(() => drop());

const band = (t: string, v: number) => ({ t, value: null, median: v, lo80: v * 0.9, hi80: v * 1.1, lo95: v * 0.8, hi95: v * 1.2 });
const forecast = (series: 'price' | 'difficulty', last: { t: string; value: number }, future: string[]): SeriesForecast => ({
  series,
  step: series === 'price' ? 'day' : 'epoch',
  spec: { p: 1, d: 1, q: 0, trend: series === 'price' },
  aic: 1,
  params: { intercept: 0, ar: [0.1], ma: [], sigma2: 0.01 },
  fittedFrom: '0',
  lastObserved: last,
  points: [{ t: '0', value: 1, median: null, lo80: null, hi80: null, lo95: null, hi95: null }, { ...band(last.t, last.value), value: last.value }, ...future.map((t, i) => band(t, last.value * (1 + i / 100)))],
  backtest: null,
  liveRetarget: null,
});

describe('loadRoiForecasts', () => {
  it('is null for each series before the job stored one', async () => {
    expect(await loadRoiForecasts(db)).toEqual({ price: null, difficulty: null });
  });

  it('returns the newest run of price and difficulty, only the future part of the path, with day and model', async () => {
    await upsertForecast(db, { series: 'price', day: '2026-12-01', result: forecast('price', { t: '2026-11-30', value: 90_000 }, ['2026-12-01']), source: 'test' });
    await upsertForecast(db, { series: 'price', day: '2026-12-06', result: forecast('price', { t: '2026-12-05', value: 95_000 }, ['2026-12-06', '2026-12-07']), source: 'test' });
    await upsertForecast(db, { series: 'difficulty', day: '2026-12-06', result: forecast('difficulty', { t: '470', value: 1e14 }, ['471']), source: 'test' });
    const f = await loadRoiForecasts(db);
    expect(f.price).toMatchObject({ day: '2026-12-06', spec: { p: 1, d: 1, q: 0, trend: true }, lastObserved: { t: '2026-12-05', value: 95_000 } });
    expect(f.price!.points.map((p) => p.t)).toEqual(['2026-12-06', '2026-12-07']);
    expect(f.price!.points[1]!.median).toBeCloseTo(95_950, 6);
    expect(f.difficulty!.points.map((p) => p.t)).toEqual(['471']);
  });
});
