import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { userSessions, users } from '@/db/schema';
import { PEER_HEADER } from '@/lib/auth/client-address';
import { PATH_HEADER } from '@/lib/auth/return-path';
import { LOGIN_LIMITS } from '@/lib/auth/verify-credentials';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/fixtures';
import { fakeRequest, NavigationThrow, nextHeadersModule, nextNavigationModule, type FakeRequest } from '../helpers/next-request';

// Sign-in, sign-out and the per-request actor run for real — next-auth, its signed cookies, the
// actions and the test database. Only the request Next.js would be serving is stood in for: its
// headers and cookie jar (next/headers) and its redirects (next/navigation). A "browser" is a cookie jar.
const state = vi.hoisted(() => {
  process.env.AUTH_SECRET = 'sessions-test-secret-'.padEnd(48, 'x');
  process.env.DEMO_MODE = 'false';
  return { db: undefined as unknown, req: undefined as unknown };
});
vi.mock('@/db', () => ({ getDb: async () => state.db }));
vi.mock('next/headers', () => nextHeadersModule(() => state.req as FakeRequest));
vi.mock('next/navigation', async (actual) => nextNavigationModule(await actual()));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { signInAction } = await import('@/lib/actions/auth/sign-in');
const { signOutAction } = await import('@/lib/actions/auth/sign-out');
const { signOutEverywhereAction } = await import('@/lib/actions/auth/sign-out-everywhere');
const { changePasswordAction } = await import('@/lib/actions/account/change-password');
const { getActor } = await import('@/lib/auth/actor');
const { handlers } = await import('@/lib/auth/auth');
const { NextRequest } = await import('next/server');
const { requireSignedIn } = await import('@/lib/auth/guard');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let peer = 0;

beforeAll(async () => {
  // next-auth logs every refused sign-in as an error and its stack; the refusals here are on purpose.
  const error = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => (/\[auth\]\[error\]|^\s+at /.test(String(args[0])) ? undefined : error(...args)));
  ({ db, drop } = await createTestDb());
  state.db = db;
  orgId = (await makeOrg(db)).id;
});
afterAll(() => drop());

/** A browser on its own loopback address: a fresh cookie jar and TCP peer. */
function browser(extraHeaders: Record<string, string> = {}): FakeRequest {
  const req = fakeRequest();
  Object.assign(req.headers, { [PEER_HEADER]: `127.0.9.${++peer}` }, extraHeaders);
  return req;
}

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

/** Runs `fn` as a request from `req`; a redirect comes back as its URL. */
async function as<T>(req: FakeRequest, fn: () => Promise<T>): Promise<T | { redirect: string }> {
  state.req = req;
  try {
    return await fn();
  } catch (error) {
    if (error instanceof NavigationThrow && error.kind === 'redirect') return { redirect: error.url };
    throw error;
  }
}

async function signInFrom(req: FakeRequest, email: string, password: string, extra: Record<string, string> = {}) {
  return as(req, () => signInAction({}, form({ email, password, locale: 'en', ...extra })));
}

/** Who a browser is to the server right now (its cookies as they are). */
async function whoIs(req: FakeRequest): Promise<string | null> {
  state.req = req;
  return (await getActor())?.email ?? null;
}

/** A second browser holding a copy of this one's cookies (copied from disk, a proxy log, a stolen laptop). */
function copyOf(req: FakeRequest): FakeRequest {
  return { headers: { ...req.headers, [PEER_HEADER]: '127.0.8.1' }, cookies: new Map(req.cookies) };
}

async function signedIn(email: string, password = 'pw-123456') {
  const req = browser();
  expect(await signInFrom(req, email, password)).toEqual({ redirect: 'http://127.0.0.1:3000/en/dashboard' });
  expect(await whoIs(req)).toBe(email);
  return req;
}

describe('signing out ends the session on the server', () => {
  it('a copied session cookie stops working once its session signs out; the user’s other sessions go on', async () => {
    await makeUser(db, { orgId, role: 'OWNER', email: 'copied@example.test', password: 'pw-123456' });
    const laptop = await signedIn('copied@example.test');
    const phone = await signedIn('copied@example.test');
    const copy = copyOf(laptop);
    expect(await whoIs(copy)).toBe('copied@example.test');

    expect(await as(laptop, () => signOutAction('en'))).toEqual({ redirect: 'http://127.0.0.1:3000/en/login' });
    expect(laptop.cookies.size).toBeLessThanOrEqual(1);
    expect(await whoIs(copy)).toBeNull();
    expect(await whoIs(phone)).toBe('copied@example.test');
  });

  it('signing out through next-auth’s own route (/api/auth/signout) ends the session too', async () => {
    await makeUser(db, { orgId, role: 'OWNER', email: 'route-signout@example.test', password: 'pw-123456' });
    const req = await signedIn('route-signout@example.test');
    const copy = copyOf(req);
    const cookieHeader = () => [...req.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const origin = 'http://127.0.0.1:3000';
    const csrf = await handlers.GET(new NextRequest(`${origin}/api/auth/csrf`, { headers: { cookie: cookieHeader() } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    for (const c of csrf.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      req.cookies.set(name!, value.join('='));
    }
    const res = await handlers.POST(
      new NextRequest(`${origin}/api/auth/signout`, { method: 'POST', headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrfToken }) }),
    );
    expect(res.status).toBe(302);
    expect(await whoIs(copy)).toBeNull();
  });

  it('"sign out everywhere" ends every session of the user, the one asking included, and no one else’s', async () => {
    await makeUser(db, { orgId, role: 'OPERATOR', email: 'everywhere@example.test', password: 'pw-123456' });
    await makeUser(db, { orgId, role: 'OPERATOR', email: 'bystander@example.test', password: 'pw-123456' });
    const [a, b, c] = [await signedIn('everywhere@example.test'), await signedIn('everywhere@example.test'), await signedIn('everywhere@example.test')];
    const copyOfB = copyOf(b);
    const bystander = await signedIn('bystander@example.test');

    expect(await as(a, () => signOutEverywhereAction('en'))).toEqual({ redirect: 'http://127.0.0.1:3000/en/login' });
    for (const req of [a, b, c, copyOfB]) expect(await whoIs(req)).toBeNull();
    expect(await whoIs(bystander)).toBe('bystander@example.test');
  });

  it('a revoked cookie cannot sign its owner out everywhere again', async () => {
    await makeUser(db, { orgId, role: 'OPERATOR', email: 'replay@example.test', password: 'pw-123456' });
    const old = await signedIn('replay@example.test');
    const stolen = copyOf(old);
    await as(old, () => signOutAction('en'));
    const fresh = await signedIn('replay@example.test');
    await as(stolen, () => signOutEverywhereAction('en'));
    expect(await whoIs(fresh)).toBe('replay@example.test');
  });

  it('a password change ends the other sessions and keeps the one that made it', async () => {
    const { user } = await makeUser(db, { orgId, role: 'ADMIN', email: 'rotate@example.test', password: 'pw-123456' });
    const here = await signedIn('rotate@example.test');
    const there = await signedIn('rotate@example.test');
    const copyOfThere = copyOf(there);
    const change = (fields: Record<string, string>) => as(here, () => changePasswordAction(null, form(fields)));

    expect(await change({ currentPassword: 'pw-123456', newPassword: 'new-pass-1', confirmPassword: 'new-pass-2' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { confirmPassword: 'passwordMismatch' } });
    expect(await change({ currentPassword: 'pw-123456', newPassword: 'short', confirmPassword: 'short' })).toMatchObject({ ok: false, fieldErrors: { newPassword: 'passwordLength' } });
    expect(await change({ currentPassword: 'not-it', newPassword: 'new-pass-1', confirmPassword: 'new-pass-1' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { currentPassword: 'wrongPassword' } });
    // Refused changes touch nothing: every session still works.
    for (const req of [here, there, copyOfThere]) expect(await whoIs(req)).toBe('rotate@example.test');

    expect(await change({ currentPassword: 'pw-123456', newPassword: 'new-pass-1', confirmPassword: 'new-pass-1' })).toEqual({ ok: true, data: null });
    expect(await whoIs(here)).toBe('rotate@example.test');
    expect(await whoIs(there)).toBeNull();
    expect(await whoIs(copyOfThere)).toBeNull();
    expect(await signInFrom(browser(), 'rotate@example.test', 'pw-123456')).toMatchObject({ error: 'invalid' });
    expect(await signInFrom(browser(), 'rotate@example.test', 'new-pass-1')).toEqual({ redirect: 'http://127.0.0.1:3000/en/dashboard' });
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row!.hash).toMatch(/^\$argon2id\$/);
  });

  it('lets 10 concurrent guesses at the current password check no more than the 5 it allows', async () => {
    await makeUser(db, { orgId, role: 'ADMIN', email: 'guess-current@example.test', password: 'pw-123456' });
    const here = await signedIn('guess-current@example.test');
    const attempt = (currentPassword: string) => as(here, () => changePasswordAction(null, form({ currentPassword, newPassword: 'new-pass-1', confirmPassword: 'new-pass-1' })));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(`guess-${i}`)));
    const checked = results.filter((r) => 'ok' in r && !r.ok && r.fieldErrors?.currentPassword === 'wrongPassword').length;
    expect(checked).toBe(5);
    expect(results.filter((r) => 'ok' in r && !r.ok && r.code === 'RATE_LIMITED')).toHaveLength(5);
    expect(await attempt('pw-123456')).toEqual({ ok: false, code: 'RATE_LIMITED' });
  });

  it('disabling a user ends all their sessions, and enabling them again brings none back', async () => {
    const { user } = await makeUser(db, { orgId, role: 'OPERATOR', email: 'disabled-later@example.test', password: 'pw-123456' });
    const a = await signedIn('disabled-later@example.test');
    const b = await signedIn('disabled-later@example.test');
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await whoIs(a)).toBeNull();
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    expect(await whoIs(a)).toBeNull();
    expect(await whoIs(b)).toBeNull();
    expect(await db.select().from(userSessions).where(eq(userSessions.userId, user.id))).toSatisfy((rows: { revokedAt: Date | null }[]) => rows.length === 2 && rows.every((r) => r.revokedAt));
    await signedIn('disabled-later@example.test');
  });
});

describe('sign-in throttling through the real request', () => {
  it('ignores a spoofed X-Forwarded-For when no proxy is trusted (TRUSTED_PROXY_HOPS=0)', async () => {
    const attacker = browser();
    let last: unknown;
    for (let i = 0; i <= LOGIN_LIMITS.perIp; i++) {
      attacker.headers['x-forwarded-for'] = `198.51.${i >> 8}.${i & 255}`;
      last = await signInFrom(attacker, `spray-${i}@example.test`, 'guess');
    }
    expect(last).toMatchObject({ error: 'rateLimited', retryMinutes: 15 });
  });
});

describe('signing in from a deep link', () => {
  const email = 'deep-link@example.test';
  beforeAll(async () => {
    await makeUser(db, { orgId, role: 'OWNER', email, password: 'pw-123456' });
  });

  it('sends a signed-out visitor to the sign-in page with the page to come back to, and comes back after signing in', async () => {
    const req = browser({ [PATH_HEADER]: '/en/hosting/tickets/7f3c?tab=comments' });
    expect(await as(req, () => requireSignedIn('en'))).toEqual({ redirect: '/en/login?next=%2Fen%2Fhosting%2Ftickets%2F7f3c%3Ftab%3Dcomments' });
    expect(await signInFrom(req, email, 'pw-123456', { next: '/en/hosting/tickets/7f3c?tab=comments' })).toEqual({ redirect: 'http://127.0.0.1:3000/en/hosting/tickets/7f3c?tab=comments' });
  });

  it('says "your session has ended" only to a browser whose session did end', async () => {
    const req = await signedIn(email);
    const copy = copyOf(req);
    copy.headers[PATH_HEADER] = '/zh/hosting/miners';
    await as(req, () => signOutAction('en'));
    expect(await as(copy, () => requireSignedIn('zh'))).toEqual({ redirect: '/zh/login?next=%2Fzh%2Fhosting%2Fminers&reason=session' });
  });

  it.each(['//evil.example/en/dashboard', '/\\evil.example', 'https://evil.example/en/dashboard', '/\t/evil.example', '/en/../../evil.example'])('never leaves the app for next=%j', async (next) => {
    const req = browser();
    expect(await signInFrom(req, email, 'pw-123456', { next })).toEqual({ redirect: 'http://127.0.0.1:3000/en/dashboard' });
    const visitor = browser({ [PATH_HEADER]: next });
    expect(await as(visitor, () => requireSignedIn('en'))).toEqual({ redirect: '/en/login' });
  });
});
