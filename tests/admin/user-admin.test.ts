import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { accessPeriods, apiTokens, auditLog, customers, memberships, membershipSites, oneTimeTokens, users, userSessions } from '@/db/schema';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { createApiToken } from '@/lib/auth/api-tokens';
import { sessionIsLive, startSession } from '@/db/queries/auth/sessions';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { makeCustomer, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The actions run for real against the test database and a fake SMTP server; only the signed-in
// user, the request's host and Next's cache revalidation are stood in for.
const state = vi.hoisted(() => ({ db: undefined as unknown, actor: null as unknown, smtp: undefined as unknown }));
vi.mock('@/db', () => ({ getDb: async () => state.db }));
vi.mock('@/lib/auth/actor', () => ({ getActor: async () => state.actor }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'farm.example', 'x-forwarded-proto': 'https' }) }));
vi.mock('@/lib/brands/host-brand', () => ({ getHostBrand: async () => ({ kind: 'default' }) }));
vi.mock('@/lib/env', async (orig) => {
  const real = (await orig()) as { env: () => Record<string, unknown> };
  return { ...real, env: () => ({ ...real.env(), smtp: state.smtp, appUrl: undefined }) };
});

const { inviteUserAction } = await import('@/lib/actions/admin/invite-user');
const { updateUserAction } = await import('@/lib/actions/admin/update-user');
const { setUserDisabledAction } = await import('@/lib/actions/admin/set-user-disabled');
const { deleteUserAction } = await import('@/lib/actions/admin/delete-user');
const { acceptInviteAction } = await import('@/lib/actions/auth/accept-invite');
const { requestPasswordResetAction } = await import('@/lib/actions/auth/request-password-reset');
const { resetPasswordAction } = await import('@/lib/actions/auth/reset-password');

let db: Db;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let orgId: string;
let ownerId: string;
let adminId: string;
let siteId: string;

function mailText(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return body;
}
const lastLink = (to: string, path: string) => {
  const mail = smtp.received.filter((m) => m.to.includes(to)).at(-1);
  return mail ? new RegExp(`https://farm\\.example/(?:en|zh)/${path}\\?token=([\\w-]+)`).exec(mailText(mail.raw))?.[1] : undefined;
};
const as = (role: 'OWNER' | 'ADMIN' | 'OPERATOR', userId: string) => (state.actor = testActor(orgId, role, userId));
const signIn = (email: string, password: string) => verifyCredentials(db, { email, password, ip: '198.51.100.7' }, { now: new Date(), demoMode: false });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  state.db = db;
  smtp = await startFakeSmtp();
  state.smtp = smtp.smtp;
  orgId = (await makeOrg(db)).id;
  siteId = (await makeSite(db, orgId)).id;
  ownerId = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
  adminId = (await makeUser(db, { orgId, role: 'ADMIN' })).user.id;
});
afterAll(async () => {
  await smtp.close();
  await drop();
});

describe('inviting a user', () => {
  it('mails a one-time link; the invitee sets a password and signs in with the role, sites and period given', async () => {
    as('ADMIN', adminId);
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const res = await inviteUserAction(null, formData({ email: ' Olga@Example.test ', name: 'Olga Op', role: 'OPERATOR', siteIds: [siteId], accessUntil: until, locale: 'en' }));
    expect(res).toEqual({ ok: true, data: { sent: true, link: null } });
    const token = lastLink('olga@example.test', 'invite');
    expect(token).toBeTruthy();
    // Neither the link's row nor the audit entry holds the token.
    const [row] = await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.email, 'olga@example.test'));
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'user.invite'));
    expect(JSON.stringify([row, audit])).not.toContain(token!);
    expect(audit.at(-1)).toMatchObject({ actorUserId: adminId, after: { email: 'olga@example.test', role: 'OPERATOR', siteIds: [siteId] } });

    expect(await acceptInviteAction(null, formData({ token: token!, password: 'short', confirmPassword: 'short' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { password: 'passwordLength' } });
    expect(await acceptInviteAction(null, formData({ token: token!, password: 'olga’s long passphrase', confirmPassword: 'olga’s long passphrase' }))).toEqual({ ok: true, data: { email: 'olga@example.test' } });
    expect(await acceptInviteAction(null, formData({ token: token!, password: 'another passphrase', confirmPassword: 'another passphrase' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const signed = await signIn('olga@example.test', 'olga’s long passphrase');
    expect(signed).toMatchObject({ ok: true, user: { email: 'olga@example.test', role: 'OPERATOR', orgId } });
    const [m] = await db.select().from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, 'olga@example.test'));
    expect((await db.select().from(membershipSites).where(eq(membershipSites.membershipId, m!.memberships.id))).map((s) => s.siteId)).toEqual([siteId]);
    const [period] = await db.select().from(accessPeriods).where(eq(accessPeriods.membershipId, m!.memberships.id));
    expect(period!.validUntil!.toISOString()).toBe(`${until}T00:00:00.000Z`);
  });

  it('never grants above the inviter’s own role, on the server', async () => {
    as('ADMIN', adminId);
    expect(await inviteUserAction(null, formData({ email: 'boss@example.test', name: 'Boss', role: 'OWNER' }))).toEqual({ ok: false, code: 'FORBIDDEN', fieldErrors: { role: 'roleTooHigh' } });
    as('OPERATOR', ownerId);
    expect(await inviteUserAction(null, formData({ email: 'x@example.test', name: 'X', role: 'GUEST' }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(await db.select().from(oneTimeTokens).where(eq(oneTimeTokens.email, 'boss@example.test'))).toEqual([]);
  });

  it('refuses a taken e-mail and a past end date; a CLIENT invitation links a customer without an e-mail', async () => {
    as('OWNER', ownerId);
    const adminEmail = (await db.select().from(users).where(eq(users.id, adminId)))[0]!.email;
    expect(await inviteUserAction(null, formData({ email: adminEmail, name: 'Dup', role: 'GUEST' }))).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { email: 'emailTaken' } });
    expect(await inviteUserAction(null, formData({ email: 'late@example.test', name: 'Late', role: 'GUEST', accessUntil: '2020-01-01' }))).toMatchObject({ ok: false, fieldErrors: { accessUntil: 'past' } });
    const other = await makeCustomer(db, orgId, 'someone-else@example.test');
    expect(await inviteUserAction(null, formData({ email: 'carl@example.test', name: 'Carl', role: 'CLIENT', customerId: other.id }))).toMatchObject({ ok: false, fieldErrors: { customerId: 'customerEmail' } });
    const customer = await makeCustomer(db, orgId, null);
    // Without a mail server the link comes back once, for the inviter to pass on.
    state.smtp = undefined;
    const res = await inviteUserAction(null, formData({ email: 'carl@example.test', name: 'Carl', role: 'CLIENT', customerId: customer.id, locale: 'zh' }));
    state.smtp = smtp.smtp;
    expect(res).toMatchObject({ ok: true, data: { sent: false } });
    const link = (res as { data: { link: string } }).data.link;
    expect(link).toMatch(/^https:\/\/farm\.example\/zh\/invite\?token=[\w-]{43}$/);
    const token = new URL(link).searchParams.get('token')!;
    expect(await acceptInviteAction(null, formData({ token, password: 'carl long passphrase', confirmPassword: 'carl long passphrase' }))).toMatchObject({ ok: true });
    expect((await db.select().from(customers).where(eq(customers.id, customer.id)))[0]!.email).toBe('carl@example.test');
    expect(await signIn('carl@example.test', 'carl long passphrase')).toMatchObject({ ok: true, user: { role: 'CLIENT' } });
  });
});

describe('managing a user', () => {
  it('disabling ends the sessions and revokes the API tokens at once; enabling does not bring them back', async () => {
    const { user } = await makeUser(db, { orgId, role: 'CLIENT' });
    const now = new Date();
    const sessionId = await startSession(db, user.id, now, new Date(now.getTime() + 86_400_000));
    await createApiToken(db, { orgId, userId: user.id }, 'script');
    as('ADMIN', adminId);
    expect(await setUserDisabledAction(user.id, true)).toEqual({ ok: true, data: { changed: true } });
    expect(await sessionIsLive(db, sessionId, user.id, new Date())).toBe(false);
    expect((await db.select().from(apiTokens).where(eq(apiTokens.userId, user.id))).every((t) => t.revokedAt)).toBe(true);
    expect(await signIn(user.email, 'correct horse')).toMatchObject({ ok: false, reason: 'access_denied' });
    expect(await setUserDisabledAction(user.id, true)).toEqual({ ok: true, data: { changed: false } });
    expect(await setUserDisabledAction(user.id, false)).toEqual({ ok: true, data: { changed: true } });
    expect(await sessionIsLive(db, sessionId, user.id, new Date())).toBe(false);
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.entityId, user.id)));
    expect(entries.map((e) => e.action).sort()).toEqual(['user.disable', 'user.enable']);
  });

  it('does not let an admin touch the owner or oneself, nor raise anyone above admin', async () => {
    as('ADMIN', adminId);
    expect(await setUserDisabledAction(ownerId, true)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await setUserDisabledAction(adminId, true)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const { user } = await makeUser(db, { orgId, role: 'GUEST' });
    expect(await updateUserAction(null, formData({ userId: user.id, name: 'Promoted', role: 'OWNER' }))).toMatchObject({ ok: false, code: 'FORBIDDEN', fieldErrors: { role: 'roleTooHigh' } });
    expect(await updateUserAction(null, formData({ userId: user.id, name: 'Site Op', role: 'OPERATOR', siteIds: [siteId] }))).toEqual({ ok: true, data: null });
    expect(await signIn(user.email, 'correct horse')).toMatchObject({ ok: true, user: { role: 'OPERATOR' } });
    expect(await updateUserAction(null, formData({ userId: adminId, name: 'Me', role: 'GUEST' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await deleteUserAction(user.id)).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets an owner delete a user, audited with who it was', async () => {
    const { user } = await makeUser(db, { orgId, role: 'GUEST', email: 'gone@example.test' });
    as('OWNER', ownerId);
    expect(await deleteUserAction(ownerId)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await deleteUserAction(user.id)).toEqual({ ok: true, data: null });
    expect(await db.select().from(users).where(eq(users.id, user.id))).toEqual([]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'user.delete'), eq(auditLog.entityId, user.id)));
    expect(entry).toMatchObject({ actorUserId: ownerId, before: { email: 'gone@example.test', role: 'GUEST' } });
  });
});

describe('password reset by e-mail', () => {
  it('answers an unknown e-mail as a known one, and a reset ends every session and API token', async () => {
    const { user } = await makeUser(db, { orgId, role: 'CLIENT', email: 'rita@example.test', password: 'old password 1' });
    const now = new Date();
    const sessionId = await startSession(db, user.id, now, new Date(now.getTime() + 86_400_000));
    await createApiToken(db, { orgId, userId: user.id }, 'script');
    const sent = smtp.received.length;
    expect(await requestPasswordResetAction(null, formData({ email: 'nobody@example.test' }))).toEqual({ ok: true, data: { mailConfigured: true } });
    expect(smtp.received.length).toBe(sent);
    expect(await requestPasswordResetAction(null, formData({ email: 'Rita@example.test' }))).toEqual({ ok: true, data: { mailConfigured: true } });
    const token = lastLink('rita@example.test', 'reset-password');
    expect(token).toBeTruthy();
    expect(JSON.stringify(await db.select().from(auditLog).where(eq(auditLog.entityId, user.id)))).not.toContain(token!);
    expect(await resetPasswordAction(null, formData({ token: token!, password: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }))).toEqual({ ok: true, data: { email: 'rita@example.test' } });
    expect(await resetPasswordAction(null, formData({ token: token!, password: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await sessionIsLive(db, sessionId, user.id, new Date())).toBe(false);
    expect((await db.select().from(apiTokens).where(eq(apiTokens.userId, user.id))).every((t) => t.revokedAt)).toBe(true);
    expect(await signIn('rita@example.test', 'old password 1')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await signIn('rita@example.test', 'a brand new passphrase')).toMatchObject({ ok: true });
    expect((await db.select().from(userSessions).where(eq(userSessions.userId, user.id))).every((s) => s.revokedAt)).toBe(true);
  });

  it('limits reset mails per account', async () => {
    await makeUser(db, { orgId, role: 'GUEST', email: 'flood@example.test' });
    for (let i = 0; i < 3; i++) expect(await requestPasswordResetAction(null, formData({ email: 'flood@example.test' }))).toMatchObject({ ok: true });
    expect(await requestPasswordResetAction(null, formData({ email: 'flood@example.test' }))).toEqual({ ok: false, code: 'RATE_LIMITED' });
  });
});
