import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { oneTimeTokens } from '@/db/schema';
import { issueOneTimeToken, peekOneTimeToken, redeemOneTimeToken } from '@/lib/auth/one-time-tokens';
import { createTestDb } from '../helpers/db';
import { makeOrg } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
const now = new Date('2026-12-07T03:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
});
afterAll(() => drop());

describe('one-time links', () => {
  it('stores only the hash, and works once', async () => {
    const { token, id } = await issueOneTimeToken(db, { orgId, purpose: 'invite', email: ' New@Example.test ', payload: { role: 'OPERATOR' } }, now);
    const [row] = await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.id, id));
    expect(row!.email).toBe('new@example.test');
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await peekOneTimeToken(db, 'invite', token, now)).toMatchObject({ id, payload: { role: 'OPERATOR' } });
    expect(await redeemOneTimeToken(db, 'invite', token, now)).toMatchObject({ id });
    expect(await redeemOneTimeToken(db, 'invite', token, now)).toBeNull();
    expect(await peekOneTimeToken(db, 'invite', token, now)).toBeNull();
  });

  it('refuses another purpose, an expired link and an unknown one', async () => {
    const { token } = await issueOneTimeToken(db, { orgId, purpose: 'password_reset', email: 'r@example.test' }, now);
    expect(await redeemOneTimeToken(db, 'invite', token, now)).toBeNull();
    // password_reset lives one hour: at +3600 s it has expired.
    expect(await redeemOneTimeToken(db, 'password_reset', token, new Date(now.getTime() + 3_600_000))).toBeNull();
    expect(await redeemOneTimeToken(db, 'password_reset', 'x'.repeat(43), now)).toBeNull();
    expect(await redeemOneTimeToken(db, 'password_reset', '', now)).toBeNull();
    expect(await redeemOneTimeToken(db, 'password_reset', token, new Date(now.getTime() + 3_599_000))).not.toBeNull();
  });

  it('closes the earlier link when a new one is sent to the same address', async () => {
    const first = await issueOneTimeToken(db, { orgId, purpose: 'invite', email: 'twice@example.test' }, now);
    const second = await issueOneTimeToken(db, { orgId, purpose: 'invite', email: 'twice@example.test' }, now);
    expect(await peekOneTimeToken(db, 'invite', first.token, now)).toBeNull();
    expect(await peekOneTimeToken(db, 'invite', second.token, now)).not.toBeNull();
  });

  it('lets exactly one of two concurrent uses through', async () => {
    const { token } = await issueOneTimeToken(db, { orgId, purpose: 'lead_activation', email: 'race@example.test' }, now);
    const results = await Promise.all([redeemOneTimeToken(db, 'lead_activation', token, now), redeemOneTimeToken(db, 'lead_activation', token, now)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
