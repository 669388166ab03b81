import { describe, expect, it } from 'vitest';
import { invoiceNumber, invoiceStatus, lineAmountCents, priceLines } from './invoice';

describe('invoice lines and totals', () => {
  it.each([
    ['1234.567', 6_000, 7_407], // 1,234.567 kWh × 6¢ = $74.07402
    ['10', 4_500_000, 45_000], // 10 miners × $45
    ['0.1500', 100_000_000, 15_000], // 15 % of $1,000
    ['1', -2_500_000, -2_500],
    ['0.000001', 1_000, 0],
  ])('%s × %i m¢ = %i¢', (q, unit, cents) => expect(lineAmountCents(q, unit)).toBe(cents));

  it('tax per line, rounded once; the totals are the lines’ sums (hand-checked)', () => {
    // 8.25 %: $74.07 → 6.111 → 611¢; $450 → 3,712.5 → 3,713¢; one-off $12.34 untaxed.
    const { lines, totals } = priceLines(
      [
        { kind: 'energy', quantity: '1234.567', unitMc: 6_000 },
        { kind: 'miner_month', quantity: '10', unitMc: 4_500_000 },
        { kind: 'one_off', quantity: '1', unitMc: 1_234_000, taxable: false },
      ],
      825,
    );
    expect(lines.map((l) => [l.position, l.amountCents, l.taxCents])).toEqual([
      [1, 7_407, 611],
      [2, 45_000, 3_713],
      [3, 1_234, 0],
    ]);
    expect(totals).toEqual({ subtotalCents: 53_641, taxCents: 4_324, totalCents: 57_965 });
  });

  it('refuses a quantity that is not a decimal', () => expect(() => lineAmountCents('1e3', 1)).toThrow(RangeError));
});

describe('invoice status', () => {
  const base = { status: 'sent', totalCents: 10_000, paidCents: 0, creditedCents: 0, dueDate: '2026-05-15' };
  it.each([
    [{}, '2026-05-15', 'sent'],
    [{ paidCents: 4_000 }, '2026-05-10', 'partially_paid'],
    [{ paidCents: 4_000 }, '2026-05-16', 'overdue'],
    [{ paidCents: 6_000, creditedCents: 4_000 }, '2026-06-01', 'paid'],
    [{ status: 'void' }, '2026-06-01', 'void'],
    [{ status: 'draft' }, '2026-06-01', 'draft'],
  ])('%j on %s → %s', (over, today, status) => expect(invoiceStatus({ ...base, ...over }, today)).toBe(status));

  it('numbers', () => {
    expect(invoiceNumber('invoice', '2026-05-01', 42)).toBe('INV-2026-000042');
    expect(invoiceNumber('credit_note', '2026-05-01', 43)).toBe('CN-2026-000043');
  });
});
