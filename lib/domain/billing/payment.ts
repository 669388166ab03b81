import { divRound } from './money';

/*
 * Payments: a coin's USD value from the amount received and the rate used (both kept as evidence),
 * and how a payment is matched to open invoices — oldest first (by due date, then number), never
 * more than each still owes. What is left over is held on the balance only when the payment says so
 * (an explicit overpayment or prepayment); otherwise the payment is refused.
 */

export const PAYMENT_METHODS = ['fiat', 'btc', 'usdt'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_PURPOSES = ['invoices', 'prepayment', 'deposit'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

/** Decimal places of the coin's minor unit: sats for BTC, micro-USDT (TRC-20/ERC-20 use 6). */
export const ASSET_DECIMALS = { btc: 8, usdt: 6 } as const;

/** USD cents of `assetMinor` of a coin at `rateCents` (USD cents per whole coin). */
export const coinCents = (method: 'btc' | 'usdt', assetMinor: number, rateCents: number) => divRound(BigInt(assetMinor) * BigInt(rateCents), 10n ** BigInt(ASSET_DECIMALS[method]));

export type OpenInvoice = { id: string; dueCents: number; dueDate: string | null; seq: number | null };
export type Allocation = { invoiceId: string; cents: number };

export function allocateOldestFirst(open: readonly OpenInvoice[], amountCents: number): { allocations: Allocation[]; remainderCents: number } {
  const sorted = [...open].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || (a.seq ?? 0) - (b.seq ?? 0));
  const allocations: Allocation[] = [];
  let left = amountCents;
  for (const inv of sorted) {
    if (left <= 0) break;
    const cents = Math.min(left, inv.dueCents);
    if (cents <= 0) continue;
    allocations.push({ invoiceId: inv.id, cents });
    left -= cents;
  }
  return { allocations, remainderCents: left };
}

/** Days past due → which reminder is owed (1 the day after, 2 after a week, 3 after 30 days), 0 for none. */
export function reminderStage(dueDate: string, today: string): 0 | 1 | 2 | 3 {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
  return days >= 30 ? 3 : days >= 7 ? 2 : days >= 1 ? 1 : 0;
}
