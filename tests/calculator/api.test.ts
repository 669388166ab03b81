import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listApiTokens, revokeApiToken } from '@/db/queries/auth/api-tokens';
import { createApiToken, hashToken } from '@/lib/auth/api-tokens';
import { apiTokens, auditLog, users } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { type CalculatorDeps, handleCalculatorRequest, TOKEN_RATE_LIMIT } from '@/lib/api/calculator-handler';
import { TWO_POW_32 } from '@/lib/domain/mining/constants';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { impliedNetworkHashrateHs } from '@/lib/domain/mining/revenue';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/fixtures';

// 100 TH/s earns 0.001 BTC/day gross at this difficulty with R + F = 3.125 + 0.075 (see economics.test.ts).
const difficulty = (100e12 * 86_400 * 3.2) / (0.001 * TWO_POW_32);
const snapshot: NetworkSnapshot = {
  btcPriceUsd: 100_000,
  difficulty,
  networkHashrateHs: impliedNetworkHashrateHs(difficulty),
  feesPerBlockBtc: 0.075,
  blockHeight: 900_000,
  blockRewardBtc: 3.125,
  nextRetarget: null,
  asOf: '2026-11-01T00:00:00.000Z',
  sources: { price: 'test', difficulty: 'test' },
  origin: 'bundled',
  stale: true,
};

let db: Db;
let drop: () => Promise<void>;
let owner: { orgId: string; userId: string };
let other: { orgId: string; userId: string };
let token: string;
const now = new Date('2026-11-22T05:00:00Z');
const deps = (at = now): CalculatorDeps => ({ db, now: at, demoMode: false, network: async () => snapshot });
const post = (body: unknown, auth: string | null = `Bearer ${token}`, at = now) =>
  handleCalculatorRequest(new Request('http://127.0.0.1/api/calculator', { method: 'POST', headers: auth ? { authorization: auth } : {}, body: typeof body === 'string' ? body : JSON.stringify(body) }), deps(at));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await ensureMinerModels(db);
  const org = await makeOrg(db);
  const a = await makeUser(db, { orgId: org.id, role: 'OPERATOR' });
  const b = await makeUser(db, { orgId: org.id, role: 'CLIENT' });
  owner = { orgId: org.id, userId: a.user.id };
  other = { orgId: org.id, userId: b.user.id };
  const created = await createApiToken(db, owner, 'ci');
  if (!created.ok) throw new Error('token not created');
  token = created.token;
});
afterAll(() => drop());

describe('API tokens', () => {
  it('stores only the SHA-256 of the token, audits the creation, and lists only the owner’s tokens', async () => {
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.userId, owner.userId));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(row!.tokenHash).not.toContain(token.slice(3));
    expect(token.startsWith(row!.prefix)).toBe(true);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, row!.id))).toHaveLength(1);
    expect((await listApiTokens(db, owner, { page: 1, pageSize: 25 })).total).toBe(1);
    expect((await listApiTokens(db, other, { page: 1, pageSize: 25 })).total).toBe(0);
  });

  it('cannot be revoked by another user', async () => {
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.userId, owner.userId));
    expect(await revokeApiToken(db, other, row!.id, now)).toBe(false);
    expect((await post({ model: 'Antminer S21', electricityUsdPerKwh: 0.05 })).status).toBe(200);
  });
});

describe('POST /api/calculator', () => {
  it('prices a catalogue model on the snapshot and says where the network values came from', async () => {
    const res = await post({ model: 'Antminer S21', quantity: 2, electricityUsdPerKwh: 0.05, poolFeePct: 0 });
    expect(res.status).toBe(200);
    const body = await res.json();
    // 2 × 200 TH/s = 400 TH/s → 0.004 BTC = $400; 7 kW × 24 h = 168 kWh × $0.05 = $8.40 → $391.60
    expect(body.result.daily.revenueBtc).toBeCloseTo(0.004, 12);
    expect(body.result.daily.netProfitUsd).toBeCloseTo(391.6, 9);
    expect(body.result.algorithms.relativeDifference).toBeCloseTo(0, 12);
    expect(body.network).toMatchObject({ origin: 'bundled', stale: true, asOf: snapshot.asOf });
    expect(body.model).toBe('Antminer S21');
  });

  it('uses the request’s own network values when all are given', async () => {
    const res = await post({ hashrateThs: 100, powerW: 3000, electricityUsdPerKwh: 0.05, poolFeePct: 2, btcPriceUsd: 50_000, difficulty, blockRewardBtc: 3.125, feesPerBlockBtc: 0.075 });
    const body = await res.json();
    // 0.00098 BTC × $50,000 = $49 − $3.60 = $45.40
    expect(body.result.daily.netProfitUsd).toBeCloseTo(45.4, 9);
    expect(body.network).toEqual({ origin: 'request' });
  });

  it.each([
    [{ model: 'Antminer S21', electricityUsdPerKwh: -1 }, { electricityUsdPerKwh: 'outOfRange' }],
    [{ model: 'Antminer S21', electricityUsdPerKwh: 0.05, uptimePct: 'lots' }, { uptimePct: 'number' }],
    [{ electricityUsdPerKwh: 0.05 }, { hashrateThs: 'required', powerW: 'required' }],
    [{ model: 'Antminer S99', electricityUsdPerKwh: 0.05 }, { model: 'invalid' }],
  ])('400 with field errors for %j', async (body, fields) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'VALIDATION', fields });
  });

  it('400 on a malformed body', async () => {
    expect((await post('{"model":')).status).toBe(400);
  });

  it.each([
    ['no header', null],
    ['not bearer', `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['unknown token', 'Bearer hi_not-a-real-token'],
  ])('401 with %s', async (_l, auth) => {
    expect((await post({ model: 'Antminer S21', electricityUsdPerKwh: 0.05 }, auth)).status).toBe(401);
  });

  it('401 once the user is disabled, and once the token is revoked', async () => {
    const created = await createApiToken(db, other, 'temp');
    if (!created.ok) throw new Error('token not created');
    const call = () => post({ model: 'Antminer S21', electricityUsdPerKwh: 0.05 }, `Bearer ${created.token}`);
    expect((await call()).status).toBe(200);
    await db.update(users).set({ disabledAt: now }).where(eq(users.id, other.userId));
    expect((await call()).status).toBe(401);
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, other.userId));
    expect(await revokeApiToken(db, other, created.row.id, now)).toBe(true);
    expect((await call()).status).toBe(401);
    expect(await revokeApiToken(db, other, created.row.id, now)).toBe(false);
  });

  it('429 past the per-token limit, with Retry-After; a new window opens again', async () => {
    const at = new Date('2026-11-22T06:00:00Z');
    const statuses: number[] = [];
    for (let i = 0; i < TOKEN_RATE_LIMIT.max + 1; i++) statuses.push((await post({ model: 'Antminer S21', electricityUsdPerKwh: 0.05 }, undefined, at)).status);
    expect(statuses.slice(0, TOKEN_RATE_LIMIT.max).every((s) => s === 200)).toBe(true);
    const limited = await post({ model: 'Antminer S21', electricityUsdPerKwh: 0.05 }, undefined, at);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await post({ model: 'Antminer S21', electricityUsdPerKwh: 0.05 }, undefined, new Date(at.getTime() + 61_000))).status).toBe(200);
  });
});
