import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { cancelCurtailmentWindow, listCurtailmentWindows, saveCurtailmentWindows } from '@/db/queries/power/curtailment-windows';
import { curtailmentEvents, minerTelemetryLive, sites } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { zonedTime } from '@/lib/domain/power/zone';
import { startCurtailment } from '@/lib/power/start-curtailment';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';

/*
 * Scheduled and transmission-peak (4CP) warning windows: entered in the site's zone (Chicago), stored
 * in UTC, started by the minute job on time with the window's end as the curtailment's, once.
 */

let db: Db;
let drop: () => Promise<void>;
let siteId = '';
let scope: Scope;
const at = (min: number) => new Date(Date.UTC(2026, 6, 15, 12, min));

async function tick(min: number) {
  const jobs = testJobs({ db, now: () => at(min) });
  const r = await new InngestTestEngine({ function: jobs.jobs.curtailmentTick, events: [{ name: 'inngest/scheduled.timer', data: {} }] }).execute();
  expect(r.error).toBeUndefined();
  return r.result as { windows: Record<string, { eventId?: string; error?: string }> };
}

const events = () => db.select().from(curtailmentEvents).where(eq(curtailmentEvents.siteId, siteId));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  siteId = (await makeSite(db, org.id)).id;
  await db.update(sites).set({ timeZone: 'America/Chicago' }).where(eq(sites.id, siteId));
  scope = { orgId: org.id, sites: 'all', customers: 'all' };
  for (let i = 0; i < 6; i++) {
    const m = await makeMiner(db, { orgId: org.id, siteId });
    await db.insert(minerTelemetryLive).values({ minerId: m.id, orgId: org.id, siteId, collectedAt: at(0), online: true, powerW: 3000, hashrateAvgThs: 100 });
  }
});
afterAll(async () => drop?.());

describe('a scheduled window in the site zone', () => {
  // 07:05–07:20 in Chicago on 15 July (CDT, UTC−5) is 12:05–12:20 UTC.
  const window = () => ({ kind: 'scheduled' as const, startsAt: zonedTime('2026-07-15', '07:05', 'America/Chicago'), endsAt: zonedTime('2026-07-15', '07:20', 'America/Chicago'), strategy: 'performance', targetKind: 'reduction' as const, targetKw: 5, perMinute: 10, note: 'contract hours' });

  it('is stored in UTC; the same window given again updates its row', async () => {
    expect(window().startsAt.toISOString()).toBe('2026-07-15T12:05:00.000Z');
    await saveCurtailmentWindows(db, scope, null, siteId, [window()], 'manual');
    await saveCurtailmentWindows(db, scope, null, siteId, [{ ...window(), targetKw: 6 }], 'csv');
    const rows = await listCurtailmentWindows(db, scope, { siteId, from: at(0) });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ targetKw: '6.000', source: 'csv', eventId: null });
  });

  it('does not start a minute early, starts on time with the window end as its end, and only once', async () => {
    expect((await tick(4)).windows).toEqual({});
    const r = await tick(5);
    const [started] = Object.values(r.windows);
    expect(started?.eventId).toBeDefined();
    const [event] = await events();
    expect(event).toMatchObject({ trigger: 'scheduled', requestedShedW: 6000, plannedShedW: 6000, status: 'holding' });
    expect(event!.endsAt!.toISOString()).toBe('2026-07-15T12:20:00.000Z');
    expect((await tick(6)).windows).toEqual({});
    expect(await events()).toHaveLength(1);
    const [row] = await listCurtailmentWindows(db, scope, { siteId, from: at(0) });
    expect(row).toMatchObject({ eventId: event!.id });
  });

  it('a second start of the same window is refused by its unique key', async () => {
    const [row] = await listCurtailmentWindows(db, scope, { siteId, from: at(0) });
    await expect(
      startCurtailment(db, scope, null, { siteId, strategy: 'performance', targetKind: 'reduction', targetKw: 1, perMinute: 10, emergency: false }, at(7), { trigger: 'scheduled', windowId: row!.id }),
    ).rejects.toThrow();
    expect(await events()).toHaveLength(1);
  });

  it('ends on time: at the window end the curtailment starts its recovery', async () => {
    await tick(20);
    const [event] = await events();
    expect(event).toMatchObject({ status: 'recovering' });
    expect(event!.recoveryStartedAt!.toISOString()).toBe(at(20).toISOString());
  });
});

describe('a peak (4CP) warning window', () => {
  it('starts with trigger peak_warning; a cancelled one never starts', async () => {
    const base = { strategy: 'performance', targetKind: 'cap' as const, targetKw: 9, perMinute: 100, note: null };
    await saveCurtailmentWindows(db, scope, null, siteId, [
      { kind: 'peak_warning', startsAt: at(40), endsAt: at(55), ...base },
      { kind: 'peak_warning', startsAt: at(30), endsAt: at(35), ...base },
    ], 'csv');
    const rows = await listCurtailmentWindows(db, scope, { siteId, from: at(21) });
    const early = rows.find((w) => w.startsAt.getTime() === at(30).getTime())!;
    expect(await cancelCurtailmentWindow(db, scope, null, early.id, at(25))).toBe(true);
    await tick(30);
    expect((await events()).filter((e) => e.trigger === 'peak_warning')).toHaveLength(0);
    // The readings are from 12:00: stale, so the start fails, is recorded, and the next minute tries again.
    const failed = Object.values((await tick(41)).windows);
    expect(failed[0]?.error).toMatch(/fresh reading/);
    expect((await listCurtailmentWindows(db, scope, { siteId, from: at(41) })).find((w) => w.kind === 'peak_warning' && !w.cancelledAt)?.startError).toMatch(/fresh reading/);
    await db.update(minerTelemetryLive).set({ collectedAt: at(41) }).where(eq(minerTelemetryLive.siteId, siteId));
    await tick(42);
    const [event] = (await events()).filter((e) => e.trigger === 'peak_warning');
    expect(event).toMatchObject({ targetKind: 'cap', requestedShedW: 18000 - 9000 });
    expect(event!.endsAt!.toISOString()).toBe(at(55).toISOString());
  });
});
