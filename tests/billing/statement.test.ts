import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { customerBalance, recordRefund } from '@/db/queries/billing/balance';
import { createCreditNote, createDraftInvoice, issueInvoice, listInvoices } from '@/db/queries/billing/invoices';
import { recordPayment } from '@/db/queries/billing/payments';
import { customerStatement } from '@/db/queries/billing/statement';
import { amountDue } from '@/lib/domain/billing/invoice';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg, makeUser } from '../helpers/fixtures';

/*
 * Hand-checked statement (cents; + the customer owes, − it holds in credit):
 *   March:  INV A issued 5 Mar                      +10,000
 *           payment received 20 Mar                  −6,000   → opening on 1 April   4,000
 *   April:  INV B issued 2 Apr: 5,000 + 10 % tax     +5,500                          9,500
 *           credit note on B, 3 Apr: 500 + 10 % tax    −550                          8,950
 *           payment received 10 Apr (pays A 4,000,
 *             B 4,950: exactly what is due)          −8,950                              0
 *           deposit received 15 Apr                  −2,000                         −2,000  = closing 30 April
 *   charges 5,500, credits 550 + 8,950 + 2,000 = 11,500; 4,000 + 5,500 − 11,500 = −2,000.
 *   Later:  refund paid out of the balance           +1,000                         −1,000
 * Cross-check at the end: open invoices owe 0, the ledger holds 2,000 − 1,000 = 1,000 → 0 − 1,000 = −1,000.
 */

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let customerId: string;
let otherId: string;
let adminId: string;
const staff = () => ({ orgId, sites: 'all' as const, customers: 'all' as const });
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  adminId = (await makeUser(db, { orgId, role: 'ADMIN' })).user.id;
  customerId = (await makeCustomer(db, orgId)).id;
  otherId = (await makeCustomer(db, orgId)).id;
  const a = await createDraftInvoice(db, staff(), { customerId, items: [{ description: 'Hosting March', quantity: '1', unitCents: 10_000 }] });
  await issueInvoice(db, staff(), a.id, adminId, at('2026-03-05T09:00:00Z'));
  await recordPayment(db, staff(), { customerId, purpose: 'invoices', method: 'fiat', amountCents: 6_000, reference: 'WIRE-1', receivedAt: at('2026-03-20T12:00:00Z'), allowOverpayment: false }, adminId, at('2026-03-20T12:00:00Z'));
  const b = await createDraftInvoice(db, staff(), { customerId, taxBps: 1_000, items: [{ description: 'Setup', quantity: '1', unitCents: 5_000 }] });
  const issuedB = await issueInvoice(db, staff(), b.id, adminId, at('2026-04-02T09:00:00Z'));
  await createCreditNote(db, staff(), issuedB.id, { amountCents: 500, reason: 'Late rack' }, adminId, at('2026-04-03T09:00:00Z'));
  await recordPayment(db, staff(), { customerId, purpose: 'invoices', method: 'fiat', amountCents: 8_950, reference: 'WIRE-2', receivedAt: at('2026-04-10T12:00:00Z'), allowOverpayment: false }, adminId, at('2026-04-10T12:00:00Z'));
  await recordPayment(db, staff(), { customerId, purpose: 'deposit', method: 'fiat', amountCents: 2_000, reference: 'DEP-1', receivedAt: at('2026-04-15T12:00:00Z'), allowOverpayment: false }, adminId, at('2026-04-15T12:00:00Z'));
  // Another customer's movements never enter this statement.
  const o = await createDraftInvoice(db, staff(), { customerId: otherId, items: [{ description: 'Other', quantity: '1', unitCents: 777 }] });
  await issueInvoice(db, staff(), o.id, adminId, at('2026-04-05T09:00:00Z'));
});
afterAll(() => drop());

describe('customer statement', () => {
  it('April: opening 4,000, the movements with a running balance, closing −2,000', async () => {
    const s = await customerStatement(db, staff(), customerId, { from: at('2026-04-01T00:00:00Z'), until: at('2026-05-01T00:00:00Z') });
    expect(s.openingCents).toBe(4_000);
    expect(s.movements.map((m) => [m.kind, m.cents, m.balanceCents])).toEqual([
      ['invoice', 5_500, 9_500],
      ['credit_note', -550, 8_950],
      ['payment', -8_950, 0],
      ['deposit', -2_000, -2_000],
    ]);
    expect(s.movements.map((m) => m.reference)).toEqual([expect.stringMatching(/^INV-2026-/), expect.stringMatching(/^CN-2026-/), 'WIRE-2', 'DEP-1']);
    expect({ charges: s.chargesCents, credits: s.creditsCents, closing: s.closingCents }).toEqual({ charges: 5_500, credits: 11_500, closing: -2_000 });
  });

  it('March closes where April opens; a refund later moves it back by 1,000, and the closing equals open invoices minus the ledger balance', async () => {
    const march = await customerStatement(db, staff(), customerId, { from: at('2026-03-01T00:00:00Z'), until: at('2026-04-01T00:00:00Z') });
    expect([march.openingCents, march.closingCents]).toEqual([0, 4_000]);
    await recordRefund(db, staff(), { customerId, amountCents: 1_000, note: 'Deposit part returned' }, adminId);
    const all = await customerStatement(db, staff(), customerId, { from: at('2026-01-01T00:00:00Z'), until: new Date(Date.now() + 86_400_000) });
    expect(all.closingCents).toBe(-1_000);
    expect(all.movements.at(-1)).toMatchObject({ kind: 'refund', cents: 1_000 });
    const open = (await listInvoices(db, staff(), { customerId }, { page: 1, pageSize: 50 })).rows.filter((i) => i.kind === 'invoice' && i.status !== 'void' && i.status !== 'draft');
    const owed = open.reduce((s, i) => s + amountDue(i), 0);
    const { balanceCents } = await customerBalance(db, staff(), customerId);
    expect([owed, balanceCents]).toEqual([0, 1_000]);
    expect(all.closingCents).toBe(owed - balanceCents);
  });

  it('a client sees its own statement only', async () => {
    const own = { orgId, sites: 'all' as const, customers: [customerId] };
    await expect(customerStatement(db, own, customerId, { from: at('2026-04-01T00:00:00Z'), until: at('2026-05-01T00:00:00Z') })).resolves.toMatchObject({ closingCents: -2_000 });
    await expect(customerStatement(db, own, otherId, { from: at('2026-04-01T00:00:00Z'), until: at('2026-05-01T00:00:00Z') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('statement PDF', () => {
  it('prints the period, the movements and the closing balance in both languages', async () => {
    const { renderStatementPdf } = await import('@/lib/billing/statement-pdf');
    const { pdfText } = await import('../helpers/pdf');
    const st = await customerStatement(db, staff(), customerId, { from: at('2026-04-01T00:00:00Z'), until: at('2026-05-01T00:00:00Z') });
    const en = pdfText(await renderStatementPdf({ ...st, customerName: st.customer.name, from: '2026-04-01', to: '2026-04-30' }, 'en'));
    if (en !== null) for (const e of ['Statement', 'Opening balance', '$40.00', 'WIRE-2', 'Deposit', 'Closing balance', '-$20.00']) expect(en).toContain(e);
    const zh = pdfText(await renderStatementPdf({ ...st, customerName: st.customer.name, from: '2026-04-01', to: '2026-04-30' }, 'zh'));
    if (zh !== null) for (const e of ['对账单', '期初余额', '期末余额', '押金']) expect(zh).toContain(e);
  }, 60_000);
});
