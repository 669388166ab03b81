import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { peekRateLimit } from '@/db/queries/auth/rate-limit';
import { LOGIN_LIMITS, type SignInResult, verifyCredentials } from '@/lib/auth/verify-credentials';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
const now = new Date('2026-06-01T12:00:00Z');
const opts = { now, demoMode: false };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
});
afterAll(() => drop());

describe('verifyCredentials', () => {
  it('signs in with the right password and carries org and normalised role', async () => {
    await makeUser(db, { orgId, role: 'site_manager', email: 'Ops@Example.test', password: 'pw-123456' });
    const r = await verifyCredentials(db, { email: ' ops@example.TEST ', password: 'pw-123456', ip: '127.0.0.1' }, opts);
    expect(r).toMatchObject({ ok: true, user: { email: 'ops@example.test', orgId, role: 'MINING_SITE_OWNER' } });
  });

  it("refuses a user the host does not admit without recording a login, after the host saw the user's customers", async () => {
    const { user } = await makeUser(db, { orgId, role: 'CLIENT', email: 'elsewhere@example.test', password: 'pw-123456' });
    const seen: string[][] = [];
    const r = await verifyCredentials(db, { email: 'elsewhere@example.test', password: 'pw-123456', ip: '127.0.0.3' }, {
      ...opts,
      admits: async (_u, customers) => (seen.push(customers), false),
    });
    expect(r).toEqual({ ok: false, reason: 'wrong_host' });
    expect(seen).toHaveLength(1);
    const [row] = await db.select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, user.id));
    expect(row!.lastLoginAt).toBeNull();
    const admitted = await verifyCredentials(db, { email: 'elsewhere@example.test', password: 'pw-123456', ip: '127.0.0.3' }, { ...opts, admits: async () => true });
    expect(admitted.ok).toBe(true);
    const [after] = await db.select({ lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, user.id));
    expect(after!.lastLoginAt?.toISOString()).toBe(now.toISOString());
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    await makeUser(db, { orgId, role: 'OWNER', email: 'owner1@example.test', password: 'right' });
    const unknown = await verifyCredentials(db, { email: 'nobody@example.test', password: 'x', ip: '127.0.0.2' }, opts);
    const wrong = await verifyCredentials(db, { email: 'owner1@example.test', password: 'wrong', ip: '127.0.0.2' }, opts);
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toEqual(unknown);
  });

  it('locks an email on an address after repeated failures there, even for the right password, and says for how long', async () => {
    await makeUser(db, { orgId, role: 'OWNER', email: 'target@example.test', password: 'right' });
    for (let i = 0; i < LOGIN_LIMITS.perEmailAndIp; i++) {
      expect((await verifyCredentials(db, { email: 'target@example.test', password: 'bad', ip: '127.0.1.1' }, opts)).ok).toBe(false);
    }
    const locked = await verifyCredentials(db, { email: 'target@example.test', password: 'right', ip: '127.0.1.1' }, opts);
    expect(locked).toMatchObject({ ok: false, reason: 'rate_limited' });
    if (!locked.ok && locked.reason === 'rate_limited') expect(locked.retryAfterS).toBe(LOGIN_LIMITS.windowS);
    const later = new Date(now.getTime() + (LOGIN_LIMITS.windowS + 1) * 1000);
    expect((await verifyCredentials(db, { email: 'target@example.test', password: 'right', ip: '127.0.1.1' }, { ...opts, now: later })).ok).toBe(true);
  });

  it('limits one IP trying many emails', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      await verifyCredentials(db, { email: `spray${i}@example.test`, password: 'x', ip: '127.9.9.9' }, opts);
    }
    const r = await verifyCredentials(db, { email: 'fresh@example.test', password: 'x', ip: '127.9.9.9' }, opts);
    expect(r).toMatchObject({ ok: false, reason: 'rate_limited' });
  });

  it('refuses a right password outside the access period and for a disabled user', async () => {
    await makeUser(db, {
      orgId,
      role: 'OPERATOR',
      email: 'expired@example.test',
      password: 'right',
      periods: [{ validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2026-05-01T00:00:00Z') }],
    });
    await makeUser(db, { orgId, role: 'OPERATOR', email: 'disabled@example.test', password: 'right', disabledAt: new Date('2026-01-01T00:00:00Z') });
    expect(await verifyCredentials(db, { email: 'expired@example.test', password: 'right', ip: '127.0.3.1' }, opts)).toEqual({ ok: false, reason: 'access_denied' });
    expect(await verifyCredentials(db, { email: 'disabled@example.test', password: 'right', ip: '127.0.3.1' }, opts)).toEqual({ ok: false, reason: 'access_denied' });
  });

  it('lets demo users in only in demo mode', async () => {
    await makeUser(db, { orgId, role: 'OWNER', email: 'demo-owner@demo.local', password: 'demo1234', isDemo: true });
    const input = { email: 'demo-owner@demo.local', password: 'demo1234', ip: '127.0.4.1' };
    expect((await verifyCredentials(db, input, opts)).ok).toBe(false);
    expect((await verifyCredentials(db, input, { ...opts, demoMode: true })).ok).toBe(true);
  });
});

describe('login throttling', () => {
  const tally = (results: SignInResult[]) => ({
    // Every attempt that was not refused up front had its password verified: that is a guess.
    guessed: results.filter((r) => !r.ok && r.reason === 'invalid').length,
    limited: results.filter((r) => !r.ok && r.reason === 'rate_limited').length,
  });

  it('lets 25 concurrent wrong tries from one address verify no more than the 5 it allows', async () => {
    await makeUser(db, { orgId, role: 'OWNER', email: 'burst@example.test', password: 'right' });
    const results = await Promise.all(Array.from({ length: 25 }, () => verifyCredentials(db, { email: 'burst@example.test', password: 'guess', ip: '127.0.5.1' }, opts)));
    expect(tally(results)).toEqual({ guessed: 5, limited: 20 });
    expect((await peekRateLimit(db, 'login:email-ip:burst@example.test|127.0.5.1', LOGIN_LIMITS.windowS, now))?.count).toBe(LOGIN_LIMITS.perEmailAndIp);
  });

  it('caps concurrent guesses at one account from many addresses at the per-account limit', async () => {
    await makeUser(db, { orgId, role: 'OWNER', email: 'botnet@example.test', password: 'right' });
    const tries = LOGIN_LIMITS.perEmail + 20;
    const results = await Promise.all(Array.from({ length: tries }, (_, i) => verifyCredentials(db, { email: 'botnet@example.test', password: 'guess', ip: `127.1.${i >> 8}.${i & 255}` }, opts)));
    expect(tally(results)).toEqual({ guessed: LOGIN_LIMITS.perEmail, limited: 20 });
  });

  it("does not let strangers' failures from other addresses lock the owner out of their own", async () => {
    await makeUser(db, { orgId, role: 'OWNER', email: 'victim@example.test', password: 'right' });
    // Three strangers keep hammering well past their own limit; the refused tries use up nothing.
    for (const ip of ['127.0.6.1', '127.0.6.2', '127.0.6.3']) {
      const results = await Promise.all(Array.from({ length: 20 }, () => verifyCredentials(db, { email: 'victim@example.test', password: 'guess', ip }, opts)));
      expect(tally(results).guessed).toBe(LOGIN_LIMITS.perEmailAndIp);
    }
    expect((await peekRateLimit(db, 'login:email:victim@example.test', LOGIN_LIMITS.windowS, now))?.count).toBe(3 * LOGIN_LIMITS.perEmailAndIp);
    expect(await verifyCredentials(db, { email: 'victim@example.test', password: 'right', ip: '127.0.6.9' }, opts)).toMatchObject({ ok: true });
    expect(await verifyCredentials(db, { email: 'victim@example.test', password: 'right', ip: '127.0.6.1' }, opts)).toMatchObject({ ok: false, reason: 'rate_limited' });
  });

  it('does not count successful sign-ins against the address or the account', async () => {
    await makeUser(db, { orgId, role: 'OWNER', email: 'office@example.test', password: 'right' });
    for (let i = 0; i < 3; i++) {
      expect((await verifyCredentials(db, { email: 'office@example.test', password: 'right', ip: '127.0.7.1' }, opts)).ok).toBe(true);
    }
    expect((await peekRateLimit(db, 'login:ip:127.0.7.1', LOGIN_LIMITS.windowS, now))?.count).toBe(0);
    expect((await peekRateLimit(db, 'login:email:office@example.test', LOGIN_LIMITS.windowS, now))?.count).toBe(0);
  });
});
