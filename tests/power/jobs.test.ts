import { InngestTestEngine } from '@inngest/test';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { powerDaily, powerHourly, powerMonthly } from '@/db/schema';
import { testJobs } from '../helpers/jobs';
import { createTestDb } from '../helpers/db';
import { history, makePowerSite } from './power-fixture';

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makePowerSite>>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await makePowerSite(db);
  // 2026-03-31 23:00 CDT (04:00Z on 1 April) and 00:00–01:00 CDT on 1 April: 1 kW on miner 3.
  await history(db, f.miners[2]!, '2026-04-01T04:00:00Z', 24, 1000);
});
afterAll(() => drop());

const run = (fn: 'powerHourly' | 'powerDaily' | 'powerMonthly', now: string) => new InngestTestEngine({ function: testJobs({ db, now: () => new Date(now) }).jobs[fn] }).execute();

describe('power jobs on the site clock', () => {
  it('hourly: the current hour and the three before it, per site', async () => {
    const out = await run('powerHourly', '2026-04-01T06:07:00Z');
    expect(out.result).toMatchObject({ from: '2026-04-01T03:00:00.000Z', to: '2026-04-01T07:00:00.000Z' });
    const rows = await db.select().from(powerHourly).where(eq(powerHourly.siteId, f.site.id)).orderBy(asc(powerHourly.hour));
    expect(rows.map((r) => [r.hour.toISOString(), r.energyWh])).toEqual([
      ['2026-04-01T04:00:00.000Z', 1000],
      ['2026-04-01T05:00:00.000Z', 1000],
    ]);
  });

  it('daily runs at 00:30 Chicago time for the local yesterday, not at 00:30 UTC', async () => {
    expect((await run('powerDaily', '2026-04-01T00:30:00Z')).result).toEqual({ done: [] });
    expect((await run('powerDaily', '2026-04-01T05:30:00Z')).result).toEqual({ done: [`${f.site.id}:2026-03-31`] });
    const days = await db.select().from(powerDaily).where(eq(powerDaily.siteId, f.site.id));
    expect(days.map((d) => [d.day, d.energyWh])).toEqual([['2026-03-31', 1000]]); // 23:00–24:00 CDT only
  });

  it('monthly runs on the 1st at 01:00 Chicago time, rebuilding last month’s days first', async () => {
    expect((await run('powerMonthly', '2026-04-01T06:00:00Z')).result).toEqual({ done: [`${f.site.id}:2026-03`] });
    const months = await db.select().from(powerMonthly).where(eq(powerMonthly.siteId, f.site.id));
    expect(months.map((m) => [m.month, m.energyWh])).toEqual([['2026-03-01', 1000]]);
  });
});

describe('npm run power:backfill (backfillPower)', () => {
  it('rebuilds the same rows the jobs wrote, and the days and months the range touches', async () => {
    const { backfillPower } = await import('@/db/queries/power/backfill');
    const before = await db.select().from(powerHourly).where(eq(powerHourly.siteId, f.site.id)).orderBy(asc(powerHourly.hour));
    const lines: string[] = [];
    expect(await backfillPower(db, { fromDay: '2026-03-31', toDay: '2026-04-01', siteId: f.site.id, progress: (l) => lines.push(l) })).toEqual({ sites: 1, hours: 2 });
    expect(await db.select().from(powerHourly).where(eq(powerHourly.siteId, f.site.id)).orderBy(asc(powerHourly.hour))).toEqual(before);
    const days = await db.select().from(powerDaily).where(eq(powerDaily.siteId, f.site.id)).orderBy(asc(powerDaily.day));
    expect(days.map((d) => [d.day, d.energyWh])).toEqual([['2026-03-31', 1000], ['2026-04-01', 1000]]);
    expect(lines).toHaveLength(1);
  });
});

describe('late meter readings', () => {
  it('the hourly job re-aggregates an hour outside its window when a meter reading for it arrives, and that hour’s day', async () => {
    const { upsertMeterReadings } = await import('@/db/queries/power/meters');
    const staff = { orgId: f.org.id, sites: 'all' as const, customers: 'all' as const };
    // 23:00–24:00 CDT on 31 March, a day later: the site meter read 1.5 kWh where the miner reported 1.
    await upsertMeterReadings(db, staff, f.site.id, [{ meterId: 'MAIN', kind: 'site', periodStart: new Date('2026-04-01T04:00:00Z'), periodEnd: new Date('2026-04-01T05:00:00Z'), energyWh: 1500 }], 'api');
    const out = await run('powerHourly', '2026-04-02T12:07:00Z');
    expect(out.result).toMatchObject({ metered: 1 });
    const [hour] = await db.select().from(powerHourly).where(eq(powerHourly.hour, new Date('2026-04-01T04:00:00Z')));
    expect([hour!.source, hour!.energyWh, hour!.meterWh, hour!.minersWh]).toEqual(['meter', 1500, 1500, 1000]);
    const days = await db.select().from(powerDaily).where(eq(powerDaily.siteId, f.site.id)).orderBy(asc(powerDaily.day));
    expect(days.map((d) => [d.day, d.energyWh, d.source])).toEqual([['2026-03-31', 1500, 'meter'], ['2026-04-01', 1000, 'telemetry']]);
    // Nothing is late any more: the next run re-aggregates none.
    expect((await run('powerHourly', '2026-04-02T13:07:00Z')).result).toMatchObject({ metered: 0 });
  });
});
