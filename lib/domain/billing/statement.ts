/**
 * A customer statement: what the customer owes (positive) or holds in credit (negative) over a period.
 * Each movement is signed from the customer's side of the account:
 *   invoice issued            + total            an invoice voided (once issued)   − its total
 *   credit note issued        − total            payment / prepayment / deposit    − amount
 *   SLA credit, referral bonus − amount          refund paid out                   + amount
 * Amounts applied from the balance to an invoice (ledger `invoice_payment`) and the part of a credit
 * note kept on the balance (ledger `credit_note`) move money inside the account and are not movements.
 * closing = opening + Σ movements of the period, in integer cents; at any instant it equals what the
 * open invoices still owe minus the ledger balance (tests/billing/statement.test.ts checks both).
 */
export type StatementKind = 'invoice' | 'invoice_void' | 'credit_note' | 'payment' | 'prepayment' | 'deposit' | 'sla_credit' | 'referral_credit' | 'refund';
export type StatementMovement = { at: Date; kind: StatementKind; reference: string | null; cents: number };
export type Statement = { openingCents: number; movements: (StatementMovement & { balanceCents: number })[]; chargesCents: number; creditsCents: number; closingCents: number };

/** Movements in time order → running balance, totals of charges (+) and credits (−), and the closing balance. */
export function buildStatement(openingCents: number, movements: StatementMovement[]): Statement {
  let balance = openingCents;
  let charges = 0;
  let credits = 0;
  const rows = [...movements]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((m) => {
      balance += m.cents;
      if (m.cents > 0) charges += m.cents;
      else credits -= m.cents;
      return { ...m, balanceCents: balance };
    });
  return { openingCents, movements: rows, chargesCents: charges, creditsCents: credits, closingCents: balance };
}
