import { signedIn } from '../helpers/signed-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getTreasuryPosition } from '@/db/queries/treasury/position';
import { createWalletAction } from '@/lib/actions/treasury/create-wallet';
import { recordEntryAction } from '@/lib/actions/treasury/record-entry';
import type { Role } from '@/lib/core/roles';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { treasuryFarm } from './treasury-fixture';

const route = await import('@/app/api/treasury/export/route');

const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

describe('treasury actions and export route', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let farm: Awaited<ReturnType<typeof treasuryFarm>>;
  const as = (role: Role) => void (signedIn.actor = testActor(farm.org.id, role, farm.owner.id));

  beforeAll(async () => {
    ({ db, drop } = await createTestDb());
    signedIn.db = db;
    farm = await treasuryFarm(db);
  });
  afterAll(async () => drop());

  it('records a wallet and an inflow through the forms, in sats from BTC text', async () => {
    as('OWNER');
    const w = await createWalletAction(null, form({ kind: 'exchange', label: 'Kraken' }));
    expect(w.ok).toBe(true);
    const walletId = (w as { ok: true; data: { id: string } }).data.id;
    const r = await recordEntryAction(null, form({ kind: 'inflow', walletId, occurredAt: '2026-11-02T00:00:00.000Z', btc: '0.015', txHash: 'dd'.repeat(32) }));
    expect(r.ok).toBe(true);
    const p = await getTreasuryPosition(db, farm.scope, new Date());
    expect(p.holdingsSats).toBe(1_500_000);
    expect(signedIn.revalidated).toContain('/[locale]/treasury');
    // A sale beyond the wallet is a CONFLICT naming the field, nothing written.
    const over = await recordEntryAction(null, form({ kind: 'sale', walletId, occurredAt: new Date().toISOString(), btc: '0.02', priceUsd: '90000' }));
    expect(over).toMatchObject({ ok: false, code: 'CONFLICT', fieldErrors: { sats: 'insufficient' } });
    const bad = await recordEntryAction(null, form({ kind: 'sale', walletId, occurredAt: new Date().toISOString(), btc: '-1', priceUsd: '90000' }));
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { btc: 'positive' } });
    expect((await getTreasuryPosition(db, farm.scope, new Date())).holdingsSats).toBe(1_500_000);
  });

  it.each(['ADMIN', 'MINING_SITE_OWNER', 'OPERATOR', 'CLIENT', 'GUEST'] as const)('%s may not write', async (role) => {
    as(role);
    const r = await createWalletAction(null, form({ kind: 'exchange', label: `X ${role}` }));
    expect(r).toMatchObject(role === 'ADMIN' ? { ok: true } : { ok: false, code: 'FORBIDDEN' });
  });

  it.each([
    ['OWNER', 200],
    ['ADMIN', 200],
    ['MINING_SITE_OWNER', 403],
    ['OPERATOR', 403],
    ['CLIENT', 403],
  ] as const)('export route: %s gets %i', async (role, status) => {
    as(role);
    const res = await route.GET(new Request('http://app.test/api/treasury/export?format=xlsx&locale=zh'), { params: Promise.resolve({}) });
    expect(res.status).toBe(status);
    if (status === 200) expect(res.headers.get('content-type')).toContain('spreadsheetml');
  }, 60_000);
});
