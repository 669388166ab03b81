import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { apiTokens, auditLog, userSessions, users } from '@/db/schema';
import { createApiToken } from '@/lib/auth/api-tokens';
import type { Actor } from '@/lib/auth/actor';
import { verifyPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { formData } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/fixtures';

// The actions run for real against the test database; only the signed-in user and the session their
// cookie names are stood in for (tests/auth/sessions.test.ts runs sign-in and sessions for real).
const state = vi.hoisted(() => ({ db: undefined as unknown, actor: null as unknown }));
vi.mock('@/db', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth/actor', () => ({
  getActor: async () => state.actor,
  getSessionClaims: async () => {
    const actor = state.actor as { userId: string; orgId: string } | null;
    return actor ? { userId: actor.userId, orgId: actor.orgId, sessionId: '00000000-0000-4000-8000-000000000000' } : null;
  },
}));

const { updateProfileAction } = await import('@/lib/actions/account/update-profile');
const { changePasswordAction } = await import('@/lib/actions/account/change-password');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  state.db = db;
  orgId = (await makeOrg(db)).id;
});
afterAll(() => drop());

async function signedIn(role: Role, opts: { isDemo?: boolean; password?: string } = {}) {
  const { user } = await makeUser(db, { orgId, role, ...opts });
  state.actor = { userId: user.id, email: user.email, name: user.name, locale: 'en', orgId, orgName: 'T', role, scope: scopeFor({ orgId, role, assignedSiteIds: [], linkedCustomerIds: [] }) } satisfies Actor;
  return user.id;
}
const hashOf = async (id: string) => (await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id)))[0]!.h;

describe('a guest’s own settings', () => {
  it('lets a guest change its name and language', async () => {
    const id = await signedIn('GUEST');
    expect(await updateProfileAction(null, formData({ name: 'Gale Guest', locale: 'zh' }))).toMatchObject({ ok: true });
    expect((await db.select().from(users).where(eq(users.id, id)))[0]).toMatchObject({ name: 'Gale Guest', locale: 'zh' });
  });

  it('lets a guest change its password, audited without the password', async () => {
    const id = await signedIn('GUEST', { password: 'old password 1' });
    const res = await changePasswordAction(null, formData({ currentPassword: 'old password 1', newPassword: 'a new passphrase', confirmPassword: 'a new passphrase' }));
    expect(res).toEqual({ ok: true, data: null });
    const hash = await hashOf(id);
    expect(await verifyPassword(hash, 'a new passphrase')).toBe(true);
    expect(await verifyPassword(hash, 'old password 1')).toBe(false);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'user.password.change')));
    expect(entry).toMatchObject({ orgId, actorUserId: id, entityType: 'user', before: null, after: null });
    expect(JSON.stringify(entry)).not.toContain('passphrase');
  });
});

describe('changing one’s password', () => {
  it('refuses a bad form field by field and changes nothing', async () => {
    const id = await signedIn('CLIENT', { password: 'old password 2' });
    const before = await hashOf(id);
    expect(await changePasswordAction(null, formData({ currentPassword: '', newPassword: 'short', confirmPassword: 'other' }))).toEqual({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { currentPassword: 'required', newPassword: 'passwordLength', confirmPassword: 'passwordMismatch' },
    });
    expect(await changePasswordAction(null, formData({ currentPassword: 'not it at all', newPassword: 'long enough 1', confirmPassword: 'long enough 1' }))).toEqual({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { currentPassword: 'wrongPassword' },
    });
    expect(await hashOf(id)).toBe(before);
  });

  it('stops guessing the current password after 5 wrong tries, even with the right one', async () => {
    const id = await signedIn('OPERATOR', { password: 'old password 3' });
    const before = await hashOf(id);
    for (let i = 0; i < 5; i++) {
      expect(await changePasswordAction(null, formData({ currentPassword: `guess ${i}`, newPassword: 'long enough 2', confirmPassword: 'long enough 2' }))).toMatchObject({ ok: false, code: 'VALIDATION' });
    }
    expect(await changePasswordAction(null, formData({ currentPassword: 'old password 3', newPassword: 'long enough 2', confirmPassword: 'long enough 2' }))).toEqual({ ok: false, code: 'RATE_LIMITED' });
    expect(await hashOf(id)).toBe(before);
  });

  it('keeps a demo account’s published password', async () => {
    const id = await signedIn('GUEST', { isDemo: true, password: 'demo1234' });
    const res = await changePasswordAction(null, formData({ currentPassword: 'demo1234', newPassword: 'mine alone now', confirmPassword: 'mine alone now' }));
    expect(res).toEqual({ ok: false, code: 'FORBIDDEN', fieldErrors: { currentPassword: 'demoPassword' } });
    expect(await verifyPassword(await hashOf(id), 'demo1234')).toBe(true);
  });

  it('revokes the account’s API tokens and its other sessions with the change', async () => {
    const id = await signedIn('ADMIN', { password: 'old password 4' });
    const made = await createApiToken(db, { orgId, userId: id }, 'script');
    expect(made.ok).toBe(true);
    const later = new Date(Date.now() + 3_600_000);
    await db.insert(userSessions).values([{ userId: id, expiresAt: later }, { id: '00000000-0000-4000-8000-000000000000', userId: id, expiresAt: later }]);
    expect(await changePasswordAction(null, formData({ currentPassword: 'old password 4', newPassword: 'long enough 4', confirmPassword: 'long enough 4' }))).toEqual({ ok: true, data: null });
    const tokens = await db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.userId, id));
    expect(tokens.map((t) => t.revokedAt !== null)).toEqual([true]);
    const sessions = await db.select({ id: userSessions.id, revokedAt: userSessions.revokedAt }).from(userSessions).where(eq(userSessions.userId, id));
    // The session making the change (the one the cookie names) stays; the other one ends.
    expect(sessions.map((s) => [s.id === '00000000-0000-4000-8000-000000000000', s.revokedAt === null]).sort()).toEqual([
      [false, false],
      [true, true],
    ]);
  });
});
