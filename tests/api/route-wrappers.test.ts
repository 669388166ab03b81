import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { revokeApiToken } from '@/db/queries/auth/api-tokens';
import { createApiToken } from '@/lib/auth/api-tokens';
import { revokeDeviceToken } from '@/db/queries/edge/devices';
import { issueDeviceToken } from '@/lib/edge/devices';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Scope } from '@/lib/core/scope';
import { scopeFor } from '@/lib/core/scope';
import { AppError } from '@/lib/core/errors';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The wrappers run for real against the test database; only the session behind withActor is stood in for.

const { withActor } = await import('@/lib/api/with-actor');
const { withApiToken } = await import('@/lib/api/with-api-token');
const { withDeviceToken } = await import('@/lib/api/with-device-token');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let siteA: string;
let siteB: string;
const now = new Date('2026-12-06T12:00:00Z');
const NO_PARAMS = { params: Promise.resolve({}) };
const get = (auth?: string, url = 'http://127.0.0.1/api/x') => new Request(url, { headers: auth ? { authorization: auth } : {} });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  siteA = (await makeSite(db, orgId, 'A')).id;
  siteB = (await makeSite(db, orgId, 'B')).id;
});
afterAll(() => drop());

describe('withDeviceToken', () => {
  const all: Scope = { orgId: '', sites: 'all', customers: 'all' };
  const seen: unknown[] = [];
  const route = withDeviceToken<{ id: string }>('test-device', async (_req, { device, params, now: at }) => {
    seen.push({ siteId: device.siteId, orgId: device.orgId, params, at });
    return Response.json({ status: 'ok' });
  });

  it('refuses a missing, malformed, unknown or revoked token with 401 in the collector shape, before the handler runs', async () => {
    const { token, device } = await issueDeviceToken(db, { ...all, orgId }, null, { siteId: siteA, name: 'revoked' });
    await revokeDeviceToken(db, { ...all, orgId }, null, device.id, now);
    for (const auth of [undefined, `Basic ${token}`, 'Bearer hie_unknown', `Bearer ${token}`]) {
      const res = await route(get(auth), { params: Promise.resolve({ id: 'x' }) });
      expect(res.status, auth).toBe(401);
      expect(await res.json()).toEqual({ status: 'error', error: { code: 'UNAUTHENTICATED', message: 'Invalid or revoked device token' } });
    }
    expect(seen).toEqual([]);
  });

  it("hands the handler the token's own device (its organization and site), the params and the clock", async () => {
    const { token } = await issueDeviceToken(db, { ...all, orgId }, null, { siteId: siteB, name: 'b' });
    const res = await withDeviceToken<{ id: string }>('test-device', async (_req, ctx) => Response.json({ siteId: ctx.device.siteId, id: ctx.params.id, at: ctx.now.toISOString() }), async () => ({ db, now }))(
      get(`bearer ${token}`),
      { params: Promise.resolve({ id: '42' }) },
    );
    expect(await res.json()).toEqual({ siteId: siteB, id: '42', at: now.toISOString() });
    // The route form: the app's database (here the test's, through getDb) and the wall clock.
    expect((await route(get(`Bearer ${token}`), { params: Promise.resolve({ id: '7' }) })).status).toBe(200);
    expect(seen).toMatchObject([{ siteId: siteB, orgId, params: { id: '7' } }]);
  });

  it("answers the handler's errors from the one table in the collector shape", async () => {
    const { token } = await issueDeviceToken(db, { ...all, orgId }, null, { siteId: siteA, name: 'errors' });
    const failing = (error: unknown) => withDeviceToken('test-device', async () => Promise.reject(error))(get(`Bearer ${token}`), NO_PARAMS);
    const leased = await failing(new AppError('NOT_LEASED', 'Command is done, not leased'));
    expect(leased.status).toBe(409);
    expect(await leased.json()).toEqual({ status: 'error', error: { code: 'NOT_LEASED', message: 'Command is done, not leased' } });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const crash = await failing(new Error(`secret path ${process.cwd()}`));
    expect(crash.status).toBe(500);
    expect(await crash.json()).toEqual({ status: 'error', error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(log).toHaveBeenCalledWith('[test-device] unexpected error', expect.any(Error));
    log.mockRestore();
  });
});

describe('withApiToken', () => {
  const calls: Actor[] = [];
  const route = (permission: Parameters<typeof withApiToken>[0] = { module: 'basic:calculator', level: 'READ' }, at = now) =>
    withApiToken(permission, async (_req, { actor }) => {
      calls.push(actor);
      return Response.json({ ok: true });
    }, async () => ({ db, now: at, demoMode: false }));
  const tokenFor = async (input: Parameters<typeof makeUser>[1]) => {
    const { user } = await makeUser(db, input);
    const created = await createApiToken(db, { orgId, userId: user.id }, 't');
    if (!created.ok) throw new Error('token not created');
    return { user, token: created.token, id: created.row.id };
  };
  const unauthenticated = { error: { code: 'UNAUTHENTICATED', message: 'UNAUTHENTICATED' } };

  it('refuses a missing, malformed, unknown or revoked token with 401 in the api shape', async () => {
    const { user, token, id } = await tokenFor({ orgId, role: 'OPERATOR' });
    expect(await revokeApiToken(db, { orgId, userId: user.id }, id, now)).toBe(true);
    for (const auth of [undefined, token, 'Bearer hi_unknown', `Bearer ${token}`]) {
      const res = await route()(get(auth), NO_PARAMS);
      expect(res.status, auth).toBe(401);
      expect(await res.json()).toEqual(unauthenticated);
    }
    expect(calls).toEqual([]);
  });

  it("refuses a token whose user is disabled or outside every access period (expired) with 401", async () => {
    const expired = await tokenFor({ orgId, role: 'OPERATOR', periods: [{ validFrom: new Date('2026-01-01Z'), validUntil: new Date('2026-12-01Z') }] });
    const disabled = await tokenFor({ orgId, role: 'OPERATOR' });
    await db.update(users).set({ disabledAt: new Date('2026-12-05Z') }).where(eq(users.id, disabled.user.id));
    for (const t of [expired, disabled]) {
      const res = await route()(get(`Bearer ${t.token}`), NO_PARAMS);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(unauthenticated);
    }
    // The same expired token inside its period was fine: the period, not the token, ended it.
    expect((await route(undefined, new Date('2026-11-01Z'))(get(`Bearer ${expired.token}`), NO_PARAMS)).status).toBe(200);
  });

  it("refuses a role without the route's permission with 403, and hands an allowed one its actor with the user's scope", async () => {
    const guest = await tokenFor({ orgId, role: 'GUEST' });
    const forbidden = await route({ module: 'analytics:batch_calculator', level: 'READ' })(get(`Bearer ${guest.token}`), NO_PARAMS);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'FORBIDDEN' } });
    // FULL where the role has READ only is refused too.
    const client = await tokenFor({ orgId, role: 'CLIENT' });
    expect((await route({ module: 'hosting:status_monitor', level: 'READ' })(get(`Bearer ${client.token}`), NO_PARAMS)).status).toBe(200);
    expect((await route({ module: 'hosting:status_monitor', level: 'FULL' })(get(`Bearer ${client.token}`), NO_PARAMS)).status).toBe(403);
    const operator = await tokenFor({ orgId, role: 'OPERATOR', siteIds: [siteA] });
    expect((await route({ module: 'basic:calculator', level: 'READ' })(get(`Bearer ${operator.token}`), NO_PARAMS)).status).toBe(200);
    expect(calls.at(-1)).toMatchObject({ userId: operator.user.id, orgId, role: 'OPERATOR', scope: scopeFor({ orgId, role: 'OPERATOR', assignedSiteIds: [siteA], linkedCustomerIds: [] }) });
    expect((await route({ module: 'user:list_view', level: 'READ' })(get(`Bearer ${operator.token}`), NO_PARAMS)).status).toBe(403);
  });

  it("answers the handler's errors in the api shape, field errors included", async () => {
    const { token } = await tokenFor({ orgId, role: 'OPERATOR' });
    const res = await withApiToken({ module: 'basic:calculator', level: 'READ' }, async () => {
      throw new AppError('VALIDATION', 'Invalid input', { model: 'invalid' });
    }, async () => ({ db, now, demoMode: false }))(get(`Bearer ${token}`), NO_PARAMS);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'VALIDATION', message: 'Invalid input', fields: { model: 'invalid' } } });
  });
});

describe('withActor', () => {
  const actor = (role: Actor['role'], locale = 'en'): Actor => ({
    userId: '00000000-0000-0000-0000-000000000001', email: 'a@example.test', name: 'A', locale, orgId, orgName: 'T', role,
    scope: scopeFor({ orgId, role, assignedSiteIds: [siteA], linkedCustomerIds: [] }),
  });
  const ok = async () => Response.json({ ok: true });

  it('refuses no session with 401 and a role without the permission with 403, in the api shape', async () => {
    signedIn.actor = null;
    const route = withActor({ module: 'hosting:status_monitor', level: 'READ' }, ok);
    const anonymous = await route(get(), NO_PARAMS);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'UNAUTHENTICATED' } });
    signedIn.actor = actor('GUEST');
    const guest = await withActor({ module: 'analytics:batch_calculator', level: 'READ' }, ok)(get(), NO_PARAMS);
    expect(guest.status).toBe(403);
    expect(await guest.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'FORBIDDEN' } });
  });

  it("'signed-in' lets any role through but not an anonymous request", async () => {
    signedIn.actor = actor('GUEST');
    expect((await withActor('signed-in', ok)(get(), NO_PARAMS)).status).toBe(200);
    signedIn.actor = null;
    expect((await withActor('signed-in', ok)(get(), NO_PARAMS)).status).toBe(401);
  });

  it("answers in the CRM shape when the route asks for it, in the user's language", async () => {
    signedIn.actor = actor('OPERATOR', 'zh');
    const crm = withActor({ module: 'hosting:status_monitor', level: 'READ' }, async () => Promise.reject(new AppError('NOT_FOUND')), { shape: 'crm' });
    const res = await crm(get(), NO_PARAMS);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ success: false, error: '未找到。' });
    signedIn.actor = null;
    const anonymous = await crm(get(), NO_PARAMS);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ success: false, error: 'Please sign in.' });
  });
});
