import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { edgeAlertRules, minerModels } from '@/db/schema';
import type { Role } from '@/lib/core/roles';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The action runs for real against the test database; only the signed-in user is stood in for.

const { createAlertRuleAction } = await import('@/lib/actions/edge/create-alert-rule');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
const ids: Record<string, string> = {};
let modelId: number;

const actorOf = (role: Role, userId: string, siteIds: string[] = []) => testActor(orgId, role, userId, siteIds);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  const siteA = await makeSite(db, orgId, 'Alpha');
  const siteB = await makeSite(db, orgId, 'Bravo');
  const onA = await makeCustomer(db, orgId);
  const onB = await makeCustomer(db, orgId);
  await makeMiner(db, { orgId, siteId: siteA.id, customerId: onA.id });
  await makeMiner(db, { orgId, siteId: siteB.id, customerId: onB.id });
  modelId = (await db.select({ id: minerModels.id }).from(minerModels).limit(1))[0]!.id;
  const owner = await makeUser(db, { orgId, role: 'OWNER' });
  const siteOwner = await makeUser(db, { orgId, role: 'MINING_SITE_OWNER', siteIds: [siteA.id] });
  Object.assign(ids, { siteA: siteA.id, onA: onA.id, onB: onB.id, owner: owner.user.id, siteOwner: siteOwner.user.id });
});
afterAll(async () => drop());

describe('alert rules targeted by model and customer', () => {
  it('stores a rule narrowed to a model and a customer', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    const res = await createAlertRuleAction(null, formData({ name: 'S19 of A', kind: 'TEMP_HIGH', threshold: '85', siteId: '', modelId: String(modelId), customerId: ids.onA! }));
    expect(res).toMatchObject({ ok: true });
    const [rule] = await db.select().from(edgeAlertRules).where(eq(edgeAlertRules.name, 'S19 of A'));
    expect(rule).toMatchObject({ modelId, customerId: ids.onA, siteId: null });
  });

  it('refuses an unknown model (400 on the field) and a customer outside the scope (404); nothing written', async () => {
    signedIn.actor = actorOf('OWNER', ids.owner!);
    expect(await createAlertRuleAction(null, formData({ name: 'x', kind: 'OFFLINE', threshold: '5', modelId: '999999' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { modelId: 'invalid' } });
    expect(await createAlertRuleAction(null, formData({ name: 'x', kind: 'OFFLINE', threshold: '5', customerId: 'nope' }))).toMatchObject({ ok: false, code: 'VALIDATION' });
    signedIn.actor = actorOf('MINING_SITE_OWNER', ids.siteOwner!, [ids.siteA!]);
    expect(await createAlertRuleAction(null, formData({ name: 'x', kind: 'OFFLINE', threshold: '5', customerId: ids.onB! }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await createAlertRuleAction(null, formData({ name: 'A only', kind: 'OFFLINE', threshold: '5', customerId: ids.onA! }))).toMatchObject({ ok: true });
    expect(await db.select().from(edgeAlertRules).where(eq(edgeAlertRules.name, 'x'))).toHaveLength(0);
  });
});
