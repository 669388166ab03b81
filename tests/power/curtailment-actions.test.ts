import { signedIn } from '../helpers/signed-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { curtailmentEvents, minerTelemetryLive } from '@/db/schema';
import { startCurtailmentAction } from '@/lib/actions/power/start-curtailment';
import { stopCurtailmentAction } from '@/lib/actions/power/stop-curtailment';
import { navigationFor } from '@/lib/navigation';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

/* Who may curtail: operators of the site (and above), never a client or an operator of another site. */

let db: Db;
let drop: () => Promise<void>;
let orgId = '';
let siteId = '';
let otherSiteId = '';
let userId = '';

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  siteId = (await makeSite(db, orgId)).id;
  otherSiteId = (await makeSite(db, orgId)).id;
  userId = (await makeUser(db, { orgId, role: 'OPERATOR', siteIds: [siteId] })).user.id;
  const now = new Date();
  for (let i = 0; i < 4; i++) {
    const m = await makeMiner(db, { orgId, siteId });
    await db.insert(minerTelemetryLive).values({ minerId: m.id, orgId, siteId, collectedAt: now, online: true, powerW: 3000, hashrateAvgThs: 100 });
  }
});
afterAll(async () => drop?.());

const start = (site: string) => startCurtailmentAction(null, formData({ siteId: site, strategy: 'performance', targetKind: 'reduction', targetKw: '5', perMinute: '1', durationMin: '30' }));

describe('curtailment actions and page access', () => {
  it('a client may not start one, and has no curtailment page in its navigation', async () => {
    signedIn.actor = testActor(orgId, 'CLIENT', userId);
    expect(await start(siteId)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(navigationFor('CLIENT').some((a) => a.items.some((i) => i.href === '/power/curtailment'))).toBe(false);
    expect(navigationFor('OPERATOR').some((a) => a.items.some((i) => i.href === '/power/curtailment'))).toBe(true);
  });

  it('an operator of another site gets NOT_FOUND', async () => {
    signedIn.actor = testActor(orgId, 'OPERATOR', userId, [otherSiteId]);
    expect(await start(siteId)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it("the site's operator starts one (2 miners for 5 kW, the first queued at once) and stops it", async () => {
    signedIn.actor = testActor(orgId, 'OPERATOR', userId, [siteId]);
    const r = await start(siteId);
    expect(r).toMatchObject({ ok: true, data: { miners: 2, plannedShedW: 6000, met: true } });
    const id = (r as { data: { id: string } }).data.id;
    expect(await stopCurtailmentAction({ eventId: id })).toMatchObject({ ok: true });
    const [e] = await db.select().from(curtailmentEvents).where(eq(curtailmentEvents.id, id));
    expect(e!.stopRequestedAt).not.toBeNull();
    // A second stop finds nothing left to stop.
    expect(await stopCurtailmentAction({ eventId: id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('a bad target is a validation error on its field', async () => {
    signedIn.actor = testActor(orgId, 'OPERATOR', userId, [siteId]);
    const r = await startCurtailmentAction(null, formData({ siteId, strategy: 'performance', targetKind: 'reduction', targetKw: '-1' }));
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { targetKw: expect.any(String) } });
  });
});
