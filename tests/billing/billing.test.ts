import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { customerBalance, recordRefund } from '@/db/queries/billing/balance';
import { voidContract } from '@/db/queries/billing/contracts';
import { createCreditNote, createDraftInvoice, getInvoice, issueInvoice, listInvoices, voidInvoice } from '@/db/queries/billing/invoices';
import { runMonthlyInvoices } from '@/db/queries/billing/monthly';
import { recordPayment } from '@/db/queries/billing/payments';
import { balanceEntries, invoices, payments } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer } from '../helpers/fixtures';
import { contractInput, createContract, makeBillingFixture } from './billing-fixture';

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makeBillingFixture>>;
const ids: Record<string, string> = {};
const APRIL_2 = new Date('2026-04-02T09:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await makeBillingFixture(db);
  ids.kwh = (await createContract(db, f.staff, contractInput({ customerId: f.a.id, siteIds: [f.site.id] }), null)).id;
  ids.miner = (
    await createContract(
      db,
      f.staff,
      contractInput({ customerId: f.a.id, siteIds: [f.site.id], pricing: 'per_miner_month', rate: 4_500, slaUptimeBps: 9_500, slaCreditBpsPerPoint: 500, slaCreditCapBps: 3_000 }),
      null,
    )
  ).id;
});
afterAll(() => drop());

const entriesOf = async (customerId: string) => (await db.select({ n: count() }).from(balanceEntries).where(eq(balanceEntries.customerId, customerId)))[0]!.n;

describe('the monthly invoice run', () => {
  it('per kWh from the power bill’s measured windows; per miner-month with an SLA credit from measured uptime (hand-checked)', async () => {
    const out = await runMonthlyInvoices(db, { orgId: f.org.id, month: '2026-03', now: APRIL_2 });
    expect(out.map((o) => [o.result, o.number])).toEqual([
      ['issued', 'INV-2026-000001'],
      ['issued', 'INV-2026-000002'],
    ]);
    // 2.400 kWh × 6.5¢ = 15.6 → 16¢ (tax 8.25 % → 1.32 → 1¢); 0.300 kWh × 6.5¢ = 1.95 → 2¢ (tax 0.165 → 0).
    const kwh = await getInvoice(db, f.staff, out[0]!.invoiceId!);
    expect(kwh.lines.map((l) => [l.kind, l.quantity, l.amountCents, l.taxCents, l.meta.window])).toEqual([
      ['energy', '2.400', 16, 1, 'peak'],
      ['energy', '0.300', 2, 0, 'off_peak'],
    ]);
    expect([kwh.subtotalCents, kwh.taxCents, kwh.totalCents, kwh.status, kwh.issueDate, kwh.dueDate]).toEqual([18, 1, 19, 'sent', '2026-04-02', '2026-04-17']);

    // 2 miners × $45 = $90.00, tax 742.5 → 743¢, total 9,743¢. Uptime: 30 measured days (the 31st
    // nobody reported) × 2 × 24 h = 1,440 h expected; 720 + (10 × 12 + 20 × 24 = 600) = 1,320 h
    // → 91.67 % → 9,167 bps; shortfall 333 bps → 3.33 points × 5 % = 16.65 % of $90 = 1,498.5 → 1,499¢.
    const miner = await getInvoice(db, f.staff, out[1]!.invoiceId!);
    expect([miner.subtotalCents, miner.taxCents, miner.totalCents, miner.paidCents, miner.status]).toEqual([9_000, 743, 9_743, 1_499, 'partially_paid']);
    const [sla] = await db.select().from(balanceEntries).where(and(eq(balanceEntries.contractId, ids.miner!), eq(balanceEntries.kind, 'sla_credit')));
    expect(sla!.amountCents).toBe(1_499);
    expect(sla!.evidence).toMatchObject({ measuredDays: 30, unmeasuredDays: ['2026-03-31'], expectedHours: 1_440, uptimeHours: 1_320, measuredBps: 9_167, shortfallBps: 333, creditBps: 1_665, baseCents: 9_000 });
    expect((sla!.evidence as { days: unknown[] }).days).toHaveLength(31);
  });

  it('run twice, it issues nothing new and grants no second credit', async () => {
    const before = await db.select({ n: count() }).from(invoices);
    const again = await runMonthlyInvoices(db, { orgId: f.org.id, month: '2026-03', now: new Date('2026-04-03T09:00:00Z') });
    expect(again.map((o) => o.result)).toEqual(['exists', 'exists']);
    expect(await db.select({ n: count() }).from(invoices)).toEqual(before);
    expect(await entriesOf(f.a.id)).toBe(2);
  });
});

describe('numbering', () => {
  it('two concurrent issues draw consecutive numbers, no gap, no duplicate; an issued draft is not issued twice', async () => {
    const items = [{ description: 'Rack install', quantity: '2', unitCents: 5_000 }];
    const [d1, d2] = [await createDraftInvoice(db, f.staff, { customerId: f.a.id, contractId: ids.miner, items }), await createDraftInvoice(db, f.staff, { customerId: f.a.id, items, taxBps: 0 })];
    expect([d1.number, d1.totalCents, d2.totalCents]).toEqual([null, 10_825, 10_000]);
    const issued = await Promise.all([issueInvoice(db, f.staff, d1.id, null, new Date('2026-04-05T10:00:00Z')), issueInvoice(db, f.staff, d2.id, null, new Date('2026-04-05T10:00:00Z'))]);
    expect(issued.map((i) => i.number).sort()).toEqual(['INV-2026-000003', 'INV-2026-000004']);
    const twice = await Promise.allSettled([issueInvoice(db, f.staff, d1.id, null), issueInvoice(db, f.staff, d1.id, null)]);
    expect(twice.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    ids.install = d1.id;
    ids.other = d2.id;
  });
});

describe('payments and the balance', () => {
  it('a payment is matched oldest due first, up to what each owes', async () => {
    // Open: #1 19¢ and #2 8,244¢ due 17 April, #3 and #4 (10,825¢ and 10,000¢) due 20 April (seq order breaks ties).
    const { allocations, remainderCents } = await recordPayment(db, f.staff, { customerId: f.a.id, purpose: 'invoices', method: 'fiat', amountCents: 20_000, reference: 'wire 1', receivedAt: new Date('2026-04-10T00:00:00Z'), allowOverpayment: false }, null, new Date('2026-04-10T00:00:00Z'));
    const inv = await db.select({ id: invoices.id, number: invoices.number, total: invoices.totalCents, status: invoices.status }).from(invoices).where(eq(invoices.customerId, f.a.id)).orderBy(invoices.seq);
    // Which of the two concurrent issues drew #3 is up to the server; #3 is paid in full, #4 gets the rest.
    const third = inv[2]!.total;
    expect(allocations.map((a) => [inv.find((i) => i.id === a.invoiceId)!.number, a.cents])).toEqual([
      ['INV-2026-000001', 19],
      ['INV-2026-000002', 8_244],
      ['INV-2026-000003', third],
      ['INV-2026-000004', 20_000 - 19 - 8_244 - third],
    ]);
    expect(remainderCents).toBe(0);
    expect(inv.map((i) => i.status)).toEqual(['paid', 'paid', 'paid', 'partially_paid']);
  });

  it('more than is due without the flag: a field error and nothing written; with it, the rest is held', async () => {
    const [p0, e0] = [(await db.select({ n: count() }).from(payments))[0]!.n, await entriesOf(f.a.id)];
    // 0.001 BTC at $100,000.00 = $100.00; #4 still owes $90.88.
    const btc = { customerId: f.a.id, purpose: 'invoices' as const, method: 'btc' as const, assetMinor: 100_000, rateCents: 10_000_000, txHash: 'ab'.repeat(32), receivedAt: new Date('2026-04-11T00:00:00Z') };
    await expect(recordPayment(db, f.staff, { ...btc, allowOverpayment: false }, null)).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { assetMinor: 'overpayment' } });
    await expect(recordPayment(db, f.staff, { ...btc, txHash: null, allowOverpayment: true }, null)).rejects.toMatchObject({ fieldErrors: { txHash: 'required' } });
    await expect(recordPayment(db, f.staff, { customerId: f.a.id, purpose: 'prepayment', method: 'fiat', amountCents: -5, receivedAt: new Date(), allowOverpayment: false }, null)).rejects.toMatchObject({ fieldErrors: { amountCents: 'positive' } });
    expect([(await db.select({ n: count() }).from(payments))[0]!.n, await entriesOf(f.a.id)]).toEqual([p0, e0]);
    const ok = await recordPayment(db, f.staff, { ...btc, allowOverpayment: true }, null);
    expect([ok.payment.amountCents, ok.payment.rateCents, ok.allocations[0]!.cents, ok.remainderCents]).toEqual([10_000, 10_000_000, 9_088, 912]);
    // The same transaction twice is refused.
    await expect(recordPayment(db, f.staff, { ...btc, allowOverpayment: true }, null)).rejects.toMatchObject({ fieldErrors: { txHash: 'invalid' } });
  });

  it('the balance is the sum of immutable entries: payments, allocations, SLA credit, deposit, refund', async () => {
    await recordPayment(db, f.staff, { customerId: f.a.id, purpose: 'deposit', method: 'usdt', assetMinor: 500_000_000, rateCents: 100, txHash: 'cd'.repeat(32), receivedAt: new Date(), allowOverpayment: false }, null);
    // +1,499 − 1,499 (SLA) + 20,000 − 20,000 + 10,000 − 9,088 + 50,000 deposit = 50,912.
    expect(await customerBalance(db, f.staff, f.a.id)).toMatchObject({ balanceCents: 50_912, depositCents: 50_000, byKind: { sla_credit: 1_499, payment: 30_000, invoice_payment: -30_587, deposit: 50_000 } });
    await expect(recordRefund(db, f.staff, { customerId: f.a.id, amountCents: 60_000 }, null)).rejects.toMatchObject({ fieldErrors: { amountCents: 'outOfRange' } });
    await recordRefund(db, f.staff, { customerId: f.a.id, amountCents: 912 }, null);
    expect((await customerBalance(db, f.staff, f.a.id)).balanceCents).toBe(50_000);
    const refused = (q: Promise<unknown>) => q.then(() => 'accepted', (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message));
    expect(await refused(db.execute(sql`update balance_entries set amount_cents = 0`))).toMatch(/immutable/);
    expect(await refused(db.execute(sql`delete from balance_entries`))).toMatch(/immutable/);
  });
});

describe('credit notes and void', () => {
  it('an issued invoice is corrected by a credit note, not edited: what is paid goes to the balance', async () => {
    // $10.00 before tax at 8.25 % = 1,083¢; invoice #3 is paid, so all of it is held for the customer.
    const cn = await createCreditNote(db, f.staff, ids.install!, { amountCents: 1_000, reason: 'Install took one slot' }, null, new Date('2026-04-12T00:00:00Z'));
    expect([cn.number, cn.kind, cn.totalCents, cn.appliedToInvoiceCents]).toEqual(['CN-2026-000005', 'credit_note', 1_083, 0]);
    expect((await customerBalance(db, f.staff, f.a.id)).byKind.credit_note).toBe(1_083);
    const orig = await getInvoice(db, f.staff, ids.install!);
    expect([orig.totalCents, orig.creditNotes.map((c) => c.number)]).toEqual([10_825, ['CN-2026-000005']]);
    await expect(createCreditNote(db, f.staff, ids.install!, { amountCents: 10_000, reason: 'too much' }, null)).rejects.toMatchObject({ fieldErrors: { amountCents: 'outOfRange' } });
  });

  it('a whole credit note on an unpaid invoice clears what it owes', async () => {
    const d = await createDraftInvoice(db, f.staff, { customerId: f.a.id, items: [{ description: 'Cables', quantity: '3', unitCents: 1_250 }], taxBps: 0 });
    await issueInvoice(db, f.staff, d.id, null);
    const cn = await createCreditNote(db, f.staff, d.id, { reason: 'Wrong customer' }, null);
    expect([cn.totalCents, cn.appliedToInvoiceCents]).toEqual([3_750, 3_750]);
    expect((await getInvoice(db, f.staff, d.id)).status).toBe('paid');
  });

  it('void: only with nothing paid; a void contract cannot be invoiced and leaves the run', async () => {
    await expect(voidInvoice(db, f.staff, ids.install!, null)).rejects.toMatchObject({ code: 'CONFLICT' });
    const d = await createDraftInvoice(db, f.staff, { customerId: f.a.id, contractId: ids.kwh, items: [{ description: 'x', quantity: '1', unitCents: 100 }] });
    await voidContract(db, f.staff, ids.kwh!, null);
    await expect(issueInvoice(db, f.staff, d.id, null)).rejects.toMatchObject({ fieldErrors: { contractId: 'contractVoid' } });
    await expect(createDraftInvoice(db, f.staff, { customerId: f.a.id, contractId: ids.kwh, items: [{ description: 'x', quantity: '1', unitCents: 100 }] })).rejects.toMatchObject({ fieldErrors: { contractId: 'contractVoid' } });
    expect((await voidInvoice(db, f.staff, d.id, null)).status).toBe('void');
    const april = await runMonthlyInvoices(db, { orgId: f.org.id, month: '2026-04', now: new Date('2026-05-02T00:00:00Z') });
    expect(april.map((o) => o.contractId)).toEqual([ids.miner]);
  });
});

describe('scope', () => {
  it('a client sees its own invoices only; it cannot write', async () => {
    const b = await makeCustomer(db, f.org.id);
    const client: Scope = { orgId: f.org.id, sites: 'all', customers: [b.id] };
    expect((await listInvoices(db, client, {}, { page: 1, pageSize: 25 })).total).toBe(0);
    expect((await listInvoices(db, { orgId: f.org.id, sites: 'all', customers: [f.a.id] }, {}, { page: 1, pageSize: 25 })).total).toBeGreaterThan(4);
    await expect(getInvoice(db, client, ids.install!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(customerBalance(db, client, f.a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(recordPayment(db, { orgId: f.org.id, sites: 'all', customers: [f.a.id] }, { customerId: f.a.id, purpose: 'prepayment', method: 'fiat', amountCents: 1, receivedAt: new Date(), allowOverpayment: true }, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
