import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { isMissing } from '@/lib/domain/market/intel-view';
import { loadIntelView } from '@/lib/integrations/market-intel/load';
import { refreshIntelSource } from '@/lib/integrations/market-intel/refresh';
import { createTestDb } from '../helpers/db';
import { startFakeIntelServer } from '../helpers/fake-market-intel-server';

// The replies are tests/fixtures/market-intel: hand-written from each vendor's documentation, not captures.
let db: Db;
let drop: () => Promise<void>;
let fake: Awaited<ReturnType<typeof startFakeIntelServer>>;
const NOW = new Date('2026-12-07T08:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  fake = await startFakeIntelServer();
});
afterAll(async () => {
  await fake.close();
  await drop();
});

describe('the market page reads back what the job stored', () => {
  it('before any fetch: "not fetched yet" everywhere; the switch is off in tests', async () => {
    const { view, live } = await loadIntelView(db, NOW);
    expect(live).toBe(false);
    expect([...view.funding, ...view.openInterest, view.iv].every(isMissing)).toBe(true);
  });

  it('after a refresh: funding a year, open interest and the IV curve, fresh; an hour and a minute later, stale', async () => {
    for (const s of ['binance', 'okx', 'deribit'] as const) await refreshIntelSource(db, fake.config, s, NOW);
    const { view } = await loadIntelView(db, new Date(NOW.getTime() + 10 * 60_000));
    // 0.0001 × 3 × 365 × 100 = 10.95; 0.00005 → 5.475; Deribit's 8-hour 0.00008 → 8.76
    expect(view.funding.map((f) => (isMissing(f) ? null : f.annualisedPct))).toEqual([10.95, 5.475, 8.76].map((x) => expect.closeTo(x, 10)));
    expect(view.funding.every((f) => !isMissing(f) && !f.stale && f.fetchedAt === NOW.toISOString() && f.observedAt === '2026-12-07T07:59:30.000Z')).toBe(true);
    expect(view.openInterest.map((o) => (isMissing(o) ? null : o.usd))).toEqual([7_840_000_000, 2_450_000_000, 1_000_000_000]);
    expect(isMissing(view.iv) ? null : view.iv.points.map((p) => [p.days, p.atmIvPct])).toEqual([
      [4, expect.closeTo(45.4, 10)],
      [18, expect.closeTo(47.2, 10)],
      [109, expect.closeTo(52.3, 10)],
    ]);
    const later = await loadIntelView(db, new Date(NOW.getTime() + 61 * 60_000));
    expect(later.view.funding.every((f) => !isMissing(f) && f.stale)).toBe(true);
  });
});
