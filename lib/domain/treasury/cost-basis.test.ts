import { describe, expect, it } from 'vitest';
import { lotEventsOf, monthCostBasis } from './cost-basis';
import type { LedgerEntry } from './ledger';

const entry = (e: Partial<LedgerEntry> & Pick<LedgerEntry, 'id' | 'kind' | 'occurredAt'>): LedgerEntry => ({
  walletId: 'w1',
  toWalletId: null,
  sats: 0,
  feeSats: 0,
  grossCents: null,
  feeCents: 0,
  cashCents: 0,
  reversesId: null,
  ...e,
});

describe('production cost per BTC', () => {
  it.each([
    // $10,000 energy + $5,000 opex over 0.5 BTC = $30,000 a BTC.
    [{ month: '2026-01', energyCents: 1_000_000, opexCents: 500_000, producedSats: 50_000_000 }, 1_500_000, 3_000_000],
    // Opex only; 3 BTC: 100 ¢ ÷ 3 = 33.33 → 33 ¢ a BTC.
    [{ month: '2026-01', energyCents: null, opexCents: 100, producedSats: 300_000_000 }, 100, 33],
    // Costs but nothing produced: no per-BTC figure.
    [{ month: '2026-01', energyCents: 100, opexCents: null, producedSats: null }, 100, null],
    // Production but no cost figures at all: no cost, never 0.
    [{ month: '2026-01', energyCents: null, opexCents: null, producedSats: 1000 }, null, null],
  ])('%j → total %s, per BTC %s', (m, total, perBtc) => {
    expect(monthCostBasis(m)).toMatchObject({ totalCents: total, costCentsPerBtc: perBtc });
  });

  it('prices each mined inflow at its month’s share; sales dispose at net cash, fees for nothing; reversed pairs drop out', () => {
    const months = [monthCostBasis({ month: '2026-01', energyCents: 1_000_000, opexCents: 500_000, producedSats: 50_000_000 })];
    const at = new Date('2026-01-15T00:00:00Z');
    const events = lotEventsOf(
      [
        // 0.2 BTC of 0.5 produced → 1,500,000 × 0.2 ÷ 0.5 = 600,000 ¢.
        entry({ id: 1, kind: 'pool_payout', occurredAt: at, sats: 20_000_000 }),
        // February has no cost figures → null.
        entry({ id: 2, kind: 'inflow', occurredAt: new Date('2026-02-01T00:00:00Z'), sats: 1000 }),
        entry({ id: 3, kind: 'sale', occurredAt: at, sats: 1_000_000, feeSats: 0, grossCents: 50_000, feeCents: 100, cashCents: 49_900 }),
        entry({ id: 4, kind: 'transfer', occurredAt: at, sats: 5_000, feeSats: 300, toWalletId: 'w2' }),
        entry({ id: 5, kind: 'network_fee', occurredAt: at, sats: 700 }),
        entry({ id: 6, kind: 'sale', occurredAt: at, sats: 9, cashCents: 1 }),
        entry({ id: 7, kind: 'reversal', occurredAt: at, reversesId: 6 }),
      ],
      months,
    );
    expect(events).toEqual([
      { type: 'acquire', entryId: 1, at, sats: 20_000_000, costCents: 600_000 },
      { type: 'acquire', entryId: 2, at: new Date('2026-02-01T00:00:00Z'), sats: 1000, costCents: null },
      { type: 'dispose', entryId: 3, at, sats: 1_000_000, proceedsCents: 49_900 },
      { type: 'dispose', entryId: 4, at, sats: 300, proceedsCents: 0 },
      { type: 'dispose', entryId: 5, at, sats: 700, proceedsCents: 0 },
    ]);
  });
});
