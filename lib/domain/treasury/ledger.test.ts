import { describe, expect, it } from 'vitest';
import { holdingsOf, type LedgerEntry, saleGrossCents } from './ledger';

const at = new Date('2026-01-01T00:00:00Z');
const e = (x: Partial<LedgerEntry> & Pick<LedgerEntry, 'id' | 'kind'>): LedgerEntry => ({ occurredAt: at, walletId: 'a', toWalletId: null, sats: 0, feeSats: 0, grossCents: null, feeCents: 0, cashCents: 0, reversesId: null, ...x });

describe('ledger holdings', () => {
  it('sums per wallet and cash; a reversal cancels its entry', () => {
    const h = holdingsOf([
      e({ id: 1, kind: 'pool_payout', sats: 1_000 }),
      e({ id: 2, kind: 'transfer', sats: 400, feeSats: 10, toWalletId: 'b' }),
      e({ id: 3, kind: 'sale', walletId: 'b', sats: 100, cashCents: 49 }),
      e({ id: 4, kind: 'network_fee', sats: 5 }),
      e({ id: 5, kind: 'cash_out', cashCents: -20 }),
      e({ id: 6, kind: 'inflow', sats: 999 }),
      e({ id: 7, kind: 'reversal', reversesId: 6 }),
    ]);
    // a: 1000 − 410 − 5 = 585; b: 400 − 100 = 300; total 885; cash 49 − 20 = 29.
    expect(h).toEqual({ totalSats: 885, cashCents: 29, byWallet: { a: 585, b: 300 } });
  });

  it('prices a sale once: 0.123 BTC at $97,123.45 = $11,946.18', () => {
    // 12,300,000 × 9,712,345 ÷ 10⁸ = 1,194,618.4 → 1,194,618 ¢.
    expect(saleGrossCents(12_300_000, 9_712_345)).toBe(1_194_618);
  });
});
