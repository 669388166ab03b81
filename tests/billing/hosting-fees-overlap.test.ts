import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getInvoice } from '@/db/queries/billing/invoices';
import { runMonthlyInvoices } from '@/db/queries/billing/monthly';
import { draftBill } from '@/db/queries/power/bills';
import { putHostingFees } from '@/db/queries/power/hosting-fees';
import { createTestDb } from '../helpers/db';
import { contractInput, createContract, makeBillingFixture } from './billing-fixture';

/*
 * customer_hosting_fees and CRM contracts both price hosting. The rule (README, "Power bills and
 * invoices"): the contract is what an invoice charges; the stored hosting fees appear on the power
 * bill only (the statement of a customer's energy at a site). An invoice built from a contract with
 * energy pass-through takes the bill's energy, demand and fixed lines — never its hosting lines — so
 * a customer with both is not charged hosting twice.
 */

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof makeBillingFixture>>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await makeBillingFixture(db);
  // $50 a month, $10 a miner-month and 1¢ a kWh stored for customer A at the site…
  await putHostingFees(db, f.staff, { siteId: f.site.id, customerId: f.a.id, monthlyCents: 5_000, perMinerMonthCents: 1_000, mcPerKwh: 1_000 }, null);
  // …and a contract at 6.5¢ a kWh with the energy passed through.
  await createContract(db, f.staff, contractInput({ customerId: f.a.id, siteIds: [f.site.id], energyPassThrough: true, taxBps: 0 }), null);
});
afterAll(() => drop());

describe('hosting fees vs a contract: no double charge', () => {
  it("the invoice has the contract's energy and the bill's energy, demand and fixed lines, and no hosting-fee line", async () => {
    const [out] = await runMonthlyInvoices(db, { orgId: f.org.id, month: '2026-03', now: new Date('2026-04-02T09:00:00Z') });
    const invoice = await getInvoice(db, f.staff, out!.invoiceId!);
    const kinds = invoice.lines.map((l) => l.kind);
    expect(kinds).not.toContain('hosting');
    expect([...new Set(kinds)].sort()).toEqual(['energy', 'power_demand', 'power_energy', 'power_fixed']);
    // The contract's energy (hand-checked in billing.test.ts): 2.400 kWh × 6.5¢ = 16¢ and 0.300 kWh × 6.5¢ = 2¢.
    expect(invoice.lines.filter((l) => l.kind === 'energy').map((l) => l.amountCents)).toEqual([16, 2]);
    // None of the stored fees' amounts ($50, 2 miners × $10, 2.7 kWh × 1¢ ≈ 3¢) appear as lines, and the
    // subtotal is exactly the lines' sum.
    expect(invoice.lines.some((l) => [5_000, 2_000].includes(l.amountCents))).toBe(false);
    expect(invoice.subtotalCents).toBe(invoice.lines.reduce((a, l) => a + l.amountCents, 0));
    // The power bill of the same month is where the stored fees show: $50 monthly and 2 × $10.
    const bill = await draftBill(db, f.staff, { siteId: f.site.id, customerId: f.a.id, month: '2026-03' });
    expect((bill.lines as { kind: string; fee?: string; cents: number }[]).filter((l) => l.kind === 'hosting').map((l) => [l.fee, l.cents])).toEqual([
      ['monthly', 5_000],
      ['per_miner', 2_000],
      ['per_kwh', 3],
    ]);
  });
});
