import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createWallet, putOpex, recordEntry } from '@/db/queries/treasury/writes';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { DEFAULT_PARAMS, STRATEGY_KINDS } from '@/lib/domain/treasury/strategies';
import { thisMonthActions } from '@/lib/treasury/this-month';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeUser } from '../helpers/fixtures';

/*
 * A ledger of 0.5 BTC received on 2026-09-02 and $10,000 cash; opex of $30,000, $36,000 and $33,000
 * for September, October and November 2026. On 2026-12-15 at $60,000 (no fee, no slippage):
 *   monthly costs = (30,000 + 36,000 + 33,000) / 3 = $33,000 = 3,300,000 ¢;
 *   cover opex +10 %: 3,630,000 ¢ → ⌈3,630,000 · 1e8 / 6,000,000⌉ = 60,500,000 sats, capped at the
 *     50,000,000 held;
 *   DCA BTC 0.01 weekly: December 2026 has 4 Mondays (7, 14, 21, 28) → 4,000,000 sats;
 *   DCA USD $5,000 weekly: $20,000 → ⌈2,000,000 · 1e8 / 6,000,000⌉ = 33,333,334 sats.
 */
let db: Db;
let drop: () => Promise<void>;
let scope: ReturnType<typeof testActor>['scope'];

const network: NetworkSnapshot = {
  btcPriceUsd: 60_000,
  difficulty: 100e12,
  networkHashrateHs: 700e18,
  feesPerBlockBtc: 0.02,
  blockHeight: 925_000,
  blockRewardBtc: 3.125,
  nextRetarget: null,
  asOf: '2026-12-15T11:55:00.000Z',
  sources: { price: 'test' },
  origin: 'live',
  stale: false,
};

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  const { user } = await makeUser(db, { orgId: org.id, role: 'OWNER' });
  scope = testActor(org.id, 'OWNER', user.id).scope;
  const now = new Date('2026-12-15T12:00:00Z');
  const w = await createWallet(db, scope, { kind: 'exchange', label: 'Desk' }, user.id);
  await recordEntry(db, scope, { kind: 'inflow', walletId: w.id, occurredAt: new Date('2026-09-02T00:00:00Z'), sats: 50_000_000, txHash: 'a'.repeat(64) }, user.id, now);
  await recordEntry(db, scope, { kind: 'cash_in', occurredAt: new Date('2026-09-02T00:00:00Z'), cents: 1_000_000 }, user.id, now);
  for (const [month, cents] of [['2026-09', 3_000_000], ['2026-10', 3_600_000], ['2026-11', 3_300_000]] as const) await putOpex(db, scope, { month, category: 'other', amountCents: cents }, user.id);
}, 60_000);
afterAll(() => drop());

describe("this month's action from the live ledger", () => {
  it('works each template from the position, the price and the mean monthly costs', async () => {
    const m = await thisMonthActions(db, scope, new Date('2026-12-15T12:00:00Z'), network, STRATEGY_KINDS.map((k) => DEFAULT_PARAMS[k]), { feeBps: 0, slippageBps: 0 });
    expect(m.position).toMatchObject({ month: '2026-12', btcSats: 50_000_000, priceCentsPerBtc: 6_000_000, monthCostsCents: 3_300_000 });
    expect(m.cashCents).toBe(1_000_000);
    expect(m.opexMonths).toEqual(['2026-09', '2026-10', '2026-11']);
    const by = Object.fromEntries(m.actions.map((a) => [a.params.kind, a.action]));
    expect(by.hold!.sell).toBeNull();
    expect(by.coverOpex!.sell?.sats).toBe(50_000_000);
    expect(by.dcaBtc!.sell?.sats).toBe(4_000_000);
    expect(by.dcaUsd!.sell?.sats).toBe(33_333_334);
    // No pool production recorded: the hashprice rule says so rather than guessing a month's output.
    expect(by.hashprice!.reason).toBe('noHashprice');
    expect(m.price).toEqual({ asOf: '2026-12-15T11:55:00.000Z', source: 'test', stale: false });
  });
});
