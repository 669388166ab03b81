import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { contractCharges, contractCoversMonth, type MonthBill, type Pricing, slaBaseKinds } from '@/lib/domain/billing/contract';
import { amountDue } from '@/lib/domain/billing/invoice';
import { slaCredit } from '@/lib/domain/billing/sla';
import type { BillLine } from '@/lib/domain/power/bill';
import type { Db } from '../../client';
import { balanceEntries, customers, invoiceLines, invoices, sites } from '../../schema';
import { draftBill } from '../power/bills';
import { activeContracts, type ContractRow } from './contracts';
import { customerLocale, insertDraft, issueInTx, refreshStatus } from './invoices';
import { lockBalance, lockInvoices } from './scope';
import { monthRevenue } from './revenue';
import { coveredUnits, slaDays } from './sla';

export type MonthlyOutcome = { orgId: string; contractId: string; result: 'issued' | 'exists' | 'empty' | 'not_in_term'; invoiceId?: string; number?: string | null; slaCreditCents?: number };

const orgScope = (orgId: string): Scope => ({ orgId, sites: 'all', customers: 'all' });

/** The customer's power bills for the month at the contract's sites (drafted from the hourly rows, or the issued ones as they stand). */
async function monthBills(tx: Db, c: ContractRow, month: string): Promise<MonthBill[]> {
  const names = new Map((await tx.select({ id: sites.id, name: sites.name }).from(sites).where(inArray(sites.id, c.siteIds))).map((s) => [s.id, s.name]));
  const out: MonthBill[] = [];
  for (const siteId of c.siteIds) {
    const bill = await draftBill(tx, orgScope(c.orgId), { siteId, customerId: c.customerId, month });
    out.push({ billId: bill.id, siteId, siteName: names.get(siteId) ?? '', lines: bill.lines as BillLine[] });
  }
  return out;
}

/**
 * One contract's invoice for `month` (YYYY-MM), in one transaction under the organization's invoice
 * lock: nothing if the contract already has a (non-void) invoice for the month — so the run twice
 * issues nothing new — else the charges priced, issued with the next number, and the SLA credit from
 * measured uptime granted on the balance (unique per contract and month) and applied to it.
 */
export async function invoiceContractMonth(db: Db, c: ContractRow, month: string, now: Date): Promise<MonthlyOutcome> {
  if (!contractCoversMonth(c, month)) return { orgId: c.orgId, contractId: c.id, result: 'not_in_term' };
  const periodMonth = `${month}-01`;
  return db.transaction(async (tx) => {
    await lockInvoices(tx, c.orgId);
    const [existing] = await tx
      .select({ id: invoices.id, number: invoices.number })
      .from(invoices)
      .where(and(eq(invoices.contractId, c.id), eq(invoices.periodMonth, periodMonth), eq(invoices.kind, 'invoice'), ne(invoices.status, 'void')));
    if (existing) return { orgId: c.orgId, contractId: c.id, result: 'exists', invoiceId: existing.id, number: existing.number };
    const needsBills = c.pricing === 'per_kwh' || c.energyPassThrough;
    const bills = needsBills ? await monthBills(tx, c, month) : [];
    const units = c.pricing === 'per_miner_month' ? await coveredUnits(tx, c) : 0;
    const revenue = c.revenueShareBps > 0 ? await monthRevenue(tx, c, month) : null;
    // The revenue share's evidence (sats credited, days, days without a price) rides on its line.
    const charges = contractCharges({ ...c, pricing: c.pricing as Pricing }, { month, bills, units, revenueCents: revenue?.revenueCents ?? null }).map((ch) => (ch.kind === 'revenue_share' ? { ...ch, meta: { ...ch.meta, ...revenue } } : ch));
    if (!charges.length) return { orgId: c.orgId, contractId: c.id, result: 'empty' };
    const [customer] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, c.customerId));
    const { invoice } = await insertDraft(tx, { orgId: c.orgId, customerId: c.customerId, contractId: c.id, periodMonth, locale: await customerLocale(tx, customer?.email ?? null), taxBps: c.taxBps, paymentTermsDays: c.paymentTermsDays, charges });
    const issued = await issueInTx(tx, invoice.id, { actorId: null, now, paymentTermsDays: c.paymentTermsDays });
    let slaCreditCents = 0;
    if (c.slaUptimeBps > 0) {
      const lines = await tx.select({ kind: invoiceLines.kind, amountCents: invoiceLines.amountCents }).from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
      const baseCents = lines.filter((l) => slaBaseKinds.has(l.kind)).reduce((s, l) => s + l.amountCents, 0);
      const days = await slaDays(tx, c, month);
      const sla = slaCredit({ targetBps: c.slaUptimeBps, creditBpsPerPoint: c.slaCreditBpsPerPoint, capBps: c.slaCreditCapBps }, days, baseCents);
      slaCreditCents = sla.creditCents;
      if (sla.creditCents > 0) {
        await lockBalance(tx, c.customerId);
        const evidence = { ...sla, targetBps: c.slaUptimeBps, creditBpsPerPoint: c.slaCreditBpsPerPoint, capBps: c.slaCreditCapBps, days };
        await tx.insert(balanceEntries).values({ orgId: c.orgId, customerId: c.customerId, kind: 'sla_credit', amountCents: sla.creditCents, contractId: c.id, month: periodMonth, invoiceId: invoice.id, evidence });
        const applied = Math.min(sla.creditCents, amountDue(issued));
        await tx.insert(balanceEntries).values({ orgId: c.orgId, customerId: c.customerId, kind: 'invoice_payment', amountCents: -applied, invoiceId: invoice.id, contractId: c.id, month: periodMonth, note: 'sla_credit' });
        await tx.update(invoices).set({ paidCents: applied }).where(eq(invoices.id, invoice.id));
        await refreshStatus(tx, invoice.id, now);
      }
    }
    return { orgId: c.orgId, contractId: c.id, result: 'issued', invoiceId: invoice.id, number: issued.number, slaCreditCents };
  });
}

/** The monthly run for one organization (or all): every active contract, each in its own transaction. */
export async function runMonthlyInvoices(db: Db, o: { orgId: string | null; month: string; now: Date }): Promise<MonthlyOutcome[]> {
  const out: MonthlyOutcome[] = [];
  for (const c of await activeContracts(db, o.orgId, o.month)) out.push(await invoiceContractMonth(db, c, o.month, o.now));
  return out;
}
