import { describe, expect, it } from 'vitest';
import { entryCreateSchema, satsSchema, walletCreateSchema } from './treasury';

describe('treasury forms', () => {
  it.each([
    ['0.12345678', 12_345_678],
    ['1', 100_000_000],
    ['21000000', 2_100_000_000_000_000],
    ['0.00000001', 1],
  ])('%s BTC → %d sats', (v, sats) => expect(satsSchema.parse(v)).toBe(sats));

  it.each(['-1', '0.123456789', '1e3', '21000000.00000001', 'abc'])('refuses %s', (v) => expect(satsSchema.safeParse(v).success).toBe(false));

  it('turns a sale form into sats and cents', () => {
    const r = entryCreateSchema.parse({ kind: 'sale', walletId: '00000000-0000-4000-8000-000000000001', occurredAt: '2026-11-25T10:00:00.000Z', btc: '0.35', priceUsd: '90000', feeUsd: '50.00' });
    expect(r).toMatchObject({ kind: 'sale', btc: 35_000_000, priceUsd: 9_000_000, feeUsd: 5_000 });
  });

  it('needs a 64-hex tx hash on a hand-entered inflow', () => {
    const base = { kind: 'inflow', walletId: '00000000-0000-4000-8000-000000000001', occurredAt: '2026-11-25T10:00:00.000Z', btc: '0.1' };
    expect(entryCreateSchema.safeParse(base).success).toBe(false);
    expect(entryCreateSchema.safeParse({ ...base, txHash: 'zz' }).success).toBe(false);
    expect(entryCreateSchema.parse({ ...base, txHash: 'AB'.repeat(32) })).toMatchObject({ txHash: 'ab'.repeat(32) });
  });

  it('checks a watch-only address and drops an exchange account’s', () => {
    expect(walletCreateSchema.safeParse({ kind: 'address', label: 'Cold', address: 'bc1qnotanaddress' }).success).toBe(false);
    expect(walletCreateSchema.parse({ kind: 'address', label: 'Cold', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }).address).toBe('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4');
    expect(walletCreateSchema.parse({ kind: 'exchange', label: 'Kraken', address: 'x' }).address).toBeNull();
  });
});
