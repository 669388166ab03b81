import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { deleteRule, listRules, saveRule } from '@/db/queries/alerts/rules';
import { getMiningSettings, upsertMiningSettings } from '@/db/queries/alerts/mining-settings';
import { deleteChannel, ensureEmailChannel, insertWebhookChannel, listChannels } from '@/db/queries/alerts/notification-channels';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let me: { orgId: string; userId: string };
let colleague: { orgId: string; userId: string };
let stranger: { orgId: string; userId: string };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const orgId = (await makeOrg(db)).id;
  const otherOrg = (await makeOrg(db, 'Other')).id;
  me = { orgId, userId: (await makeUser(db, { orgId, role: 'OWNER' })).user.id };
  colleague = { orgId, userId: (await makeUser(db, { orgId, role: 'ADMIN' })).user.id };
  stranger = { orgId: otherOrg, userId: (await makeUser(db, { orgId: otherOrg, role: 'OWNER' })).user.id };
});
afterAll(() => drop());

describe('personal alert data is the owner’s alone', () => {
  it('mining settings upsert per user and read back as numbers', async () => {
    expect(await getMiningSettings(db, me)).toBeNull();
    await upsertMiningSettings(db, me, { electricityUsdPerKwh: 0.05, efficiencyJPerTh: 17.5, hashrateThs: 1200.5 });
    await upsertMiningSettings(db, me, { electricityUsdPerKwh: 0.06, efficiencyJPerTh: 17.5, hashrateThs: 1200.5 });
    expect(await getMiningSettings(db, me)).toMatchObject({ electricityUsdPerKwh: 0.06, efficiencyJPerTh: 17.5, hashrateThs: 1200.5 });
    expect(await getMiningSettings(db, colleague)).toBeNull();
  });

  it('channels never expose the secret and another user cannot delete them', async () => {
    const hook = (await insertWebhookChannel(db, me, { label: 'Ops', url: 'https://hooks.example.test/a', secretEnc: 'v1.sealed' }))!;
    expect(await insertWebhookChannel(db, me, { label: 'Ops again', url: 'https://hooks.example.test/a', secretEnc: 'v1.x' })).toBeNull();
    const email = await ensureEmailChannel(db, me, 'me@example.test', 'me@example.test');
    expect(await ensureEmailChannel(db, me, 'me@example.test', 'me@example.test')).toBe(email);
    const mine = await listChannels(db, me);
    expect(mine).toHaveLength(2);
    expect(JSON.stringify(mine)).not.toContain('sealed');
    expect(mine.find((c) => c.id === hook)).toMatchObject({ kind: 'webhook', hasSecret: true });
    expect(await listChannels(db, colleague)).toEqual([]);
    expect(await deleteChannel(db, colleague, hook)).toBeNull();
    expect(await deleteChannel(db, stranger, hook)).toBeNull();
    expect(await listChannels(db, me)).toHaveLength(2);
  });

  it('rules: create, edit re-arms and replaces channels, others cannot touch them', async () => {
    const [email, hook] = [(await listChannels(db, me)).find((c) => c.kind === 'email')!.id, (await listChannels(db, me)).find((c) => c.kind === 'webhook')!.id];
    const id = (await saveRule(db, me, { kind: 'hashprice_below', threshold: 45, channelIds: [email, hook] }))!;
    expect((await listRules(db, me))[0]).toMatchObject({ id, kind: 'hashprice_below', threshold: 45, state: 'armed', lastValue: null });
    expect(new Set((await listRules(db, me))[0]!.channelIds)).toEqual(new Set([email, hook]));
    expect(await saveRule(db, colleague, { id, kind: 'profit_below', threshold: 0, channelIds: [] })).toBeNull();
    expect(await deleteRule(db, stranger, id)).toBeNull();
    expect(await saveRule(db, me, { id, kind: 'difficulty_change_above', threshold: 5, channelIds: [hook] })).toBe(id);
    expect((await listRules(db, me))[0]).toMatchObject({ kind: 'difficulty_change_above', threshold: 5, channelIds: [hook] });
    // Deleting a channel drops it from the rule; the rule stays, shown as having no channel.
    await deleteChannel(db, me, hook);
    expect((await listRules(db, me))[0]!.channelIds).toEqual([]);
    expect(await deleteRule(db, me, id)).toMatchObject({ id });
    expect(await listRules(db, me)).toEqual([]);
  });
});
