import { bpsOf, divRound } from './money';

/*
 * An invoice's lines and totals. Each line is rounded once: amount = quantity × unit price (unit in
 * milli-cents, quantity a decimal with up to 6 places, so kWh and shares stay exact), tax = the
 * amount × the tax rate. The invoice's subtotal, tax and total are the sums of its lines, so every
 * total reconciles line by line and nothing is rounded twice.
 */

export const LINE_KINDS = ['energy', 'miner_month', 'reserved_kw', 'revenue_share', 'power_energy', 'power_demand', 'power_fixed', 'one_off', 'credit'] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export type Charge = { kind: LineKind; quantity: string; unitMc: number; description?: string | null; meta?: Record<string, unknown>; taxable?: boolean };
export type Line = Charge & { position: number; amountCents: number; taxCents: number };
export type Totals = { subtotalCents: number; taxCents: number; totalCents: number };

const QTY = /^-?\d{1,12}(\.\d{1,6})?$/;

/** A decimal string as an integer of millionths: '1.5' → 1_500_000n. */
export function micros(quantity: string): bigint {
  if (!QTY.test(quantity)) throw new RangeError(`not a quantity: ${quantity}`);
  const neg = quantity.startsWith('-');
  const [whole, frac = ''] = quantity.replace('-', '').split('.');
  const v = BigInt(whole!) * 1_000_000n + BigInt(frac.padEnd(6, '0'));
  return neg ? -v : v;
}

/** quantity × unit (m¢) in cents: micros × m¢ / (10⁶ × 10³). */
export const lineAmountCents = (quantity: string, unitMc: number) => divRound(micros(quantity) * BigInt(unitMc), 1_000_000_000n);

export function priceLines(charges: readonly Charge[], taxBps: number): { lines: Line[]; totals: Totals } {
  const lines = charges.map((c, i) => {
    const amountCents = lineAmountCents(c.quantity, c.unitMc);
    return { ...c, position: i + 1, amountCents, taxCents: c.taxable === false ? 0 : bpsOf(amountCents, taxBps) };
  });
  return { lines, totals: totalsOf(lines) };
}

export function totalsOf(lines: readonly { amountCents: number; taxCents: number }[]): Totals {
  const subtotalCents = lines.reduce((s, l) => s + l.amountCents, 0);
  const taxCents = lines.reduce((s, l) => s + l.taxCents, 0);
  return { subtotalCents, taxCents, totalCents: subtotalCents + taxCents };
}

export const INVOICE_STATUSES = ['draft', 'sent', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const amountDue = (i: { totalCents: number; paidCents: number; creditedCents: number }) => i.totalCents - i.paidCents - i.creditedCents;

/**
 * An issued invoice's status from its amounts and the day (YYYY-MM-DD, the organization's): paid when
 * nothing is due, overdue past its due date, partially paid when something was paid, else sent.
 * Draft and void are set by hand and stay.
 */
export function invoiceStatus(i: { status: string; totalCents: number; paidCents: number; creditedCents: number; dueDate: string | null }, today: string): InvoiceStatus {
  if (i.status === 'draft' || i.status === 'void') return i.status;
  if (amountDue(i) <= 0) return 'paid';
  if (i.dueDate && i.dueDate < today) return 'overdue';
  return i.paidCents + i.creditedCents > 0 ? 'partially_paid' : 'sent';
}

/** The next invoice number: per organization, one gapless sequence for invoices and credit notes. */
export const invoiceNumber = (kind: 'invoice' | 'credit_note', issueDate: string, seq: number) => `${kind === 'credit_note' ? 'CN' : 'INV'}-${issueDate.slice(0, 4)}-${String(seq).padStart(6, '0')}`;

/** A day plus n days (UTC calendar arithmetic on YYYY-MM-DD). */
export function addDaysIso(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export { divRound };
