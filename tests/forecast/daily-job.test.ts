import { InngestTestEngine } from '@inngest/test';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { latestForecasts } from '@/db/queries/forecast/forecasts';
import { loadForecasts } from '@/lib/integrations/forecast/load';
import { loadSeriesInput } from '@/db/queries/forecast/inputs';
import { seedMarketHistory } from '@/db/seed/market';
import type { Jobs } from '@/inngest';
import { createTestDb } from '../helpers/db';
import { testJobs } from '../helpers/jobs';

let db: Db;
let drop: () => Promise<void>;
let jobs: Jobs['jobs'];
const NOW = new Date('2026-02-01T00:40:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await seedMarketHistory(db);
  ({ jobs } = testJobs({ db, now: () => NOW }));
}, 300_000);
afterAll(() => drop());

describe('forecast inputs from the stored history', () => {
  it('daily series are a full calendar ending on the last known day, missing days as NaN', async () => {
    const hr = await loadSeriesInput(db, 'hashrate', 730);
    expect(hr.observations).toHaveLength(730);
    expect(hr.observations.at(-1)!.t).toBe('2026-01-31');
    // 2025-08-05 … 08-10: no bundled per-block source covers those days.
    expect(Number.isNaN(hr.observations.find((o) => o.t === '2025-08-07')!.value)).toBe(true);
    const price = await loadSeriesInput(db, 'price', 730);
    expect(price.observations.at(-1)).toEqual({ t: '2026-01-06', value: expect.closeTo(91_000, -4) as unknown as number });
  });
  it('revenue per TH/s starts after the last halving; difficulty is per epoch', async () => {
    const rev = await loadSeriesInput(db, 'revenue', 730);
    expect(rev.observations[0]!.t >= '2024-04-21').toBe(true);
    const known = rev.observations.filter((o) => !Number.isNaN(o.value));
    // USD per TH/s per day after the 2024 halving: a few cents.
    for (const o of known) {
      expect(o.value).toBeGreaterThan(0.02);
      expect(o.value).toBeLessThan(0.2);
    }
    const diff = await loadSeriesInput(db, 'difficulty', 200);
    expect(diff.observations).toHaveLength(200);
    expect(diff.observations.at(-1)!.t).toBe('473');
  });
});

describe('forecast-daily (Inngest)', () => {
  it('stores one forecast per series for the day, and a second run replaces them', async () => {
    const first = await new InngestTestEngine({ function: jobs.forecastDaily }).execute();
    expect(first.error).toBeUndefined();
    const second = await new InngestTestEngine({ function: jobs.forecastDaily }).execute();
    expect(second.error).toBeUndefined();
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from forecasts where day = '2026-02-01'`);
    expect(row?.n).toBe(4);
    const latest = await latestForecasts(db);
    expect(latest.map((f) => f.series).sort()).toEqual(['difficulty', 'hashrate', 'price', 'revenue']);
    for (const f of latest) {
      const future = f.result.points.filter((p) => p.value === null && p.median !== null);
      expect(future.length).toBeGreaterThan(0);
      for (const p of future) expect(p.lo95! <= p.lo80! && p.lo80! <= p.median! && p.median! <= p.hi80! && p.hi80! <= p.hi95!).toBe(true);
      expect(f.result.backtest).not.toBeNull();
    }
  }, 300_000);

  it('the page loader reads the stored forecasts in page order without recomputing them', async () => {
    const before = await queryRows<{ u: string }>(db, sql`select max(updated_at)::text as u from forecasts`);
    const shown = await loadForecasts(db, NOW);
    expect(shown.map((f) => f.series)).toEqual(['price', 'difficulty', 'hashrate', 'revenue']);
    expect(await queryRows<{ u: string }>(db, sql`select max(updated_at)::text as u from forecasts`)).toEqual(before);
  });
});
