import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { customerBalance } from '@/db/queries/billing/balance';
import { createDraftInvoice, issueInvoice } from '@/db/queries/billing/invoices';
import { recordPayment } from '@/db/queries/billing/payments';
import { setReferralBonus } from '@/db/queries/billing/referral';
import { convertLead, createLead } from '@/db/queries/crm/leads';
import { auditLog, balanceEntries, customerAccounts } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { convertLeadSchema, leadInputSchema } from '@/lib/validation/crm';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg, makeUser } from '../helpers/fixtures';

// The referral bonus: credited to the referrer's ledger on the referred customer's first fully paid
// invoice, exactly once — not on a partial payment, not again on a second invoice or a repeat.

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let staff: Scope;
let adminId: string;
let referrerId: string;

const now = new Date('2026-04-02T10:00:00Z');
const pay = (customerId: string, cents: number) => recordPayment(db, staff, { customerId, purpose: 'invoices', method: 'fiat', amountCents: cents, receivedAt: now, allowOverpayment: false }, adminId, now);
async function issued(customerId: string, unitCents: number) {
  const draft = await createDraftInvoice(db, staff, { customerId, items: [{ description: 'Setup', quantity: '1', unitCents }] });
  return issueInvoice(db, staff, draft.id, adminId, now);
}
async function referredCustomer(name: string, email: string) {
  const admin = testActor(orgId, 'ADMIN', adminId);
  const lead = await createLead(db, admin, leadInputSchema.parse({ name, email, source: 'referral', referralCode: 'ACME-2345' }), now);
  return (await convertLead(db, admin, convertLeadSchema.parse({ id: lead.id }), now)).customerId;
}
const referralEntries = () => db.select().from(balanceEntries).where(and(eq(balanceEntries.customerId, referrerId), eq(balanceEntries.kind, 'referral_credit')));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  staff = { orgId, sites: 'all', customers: 'all' };
  adminId = (await makeUser(db, { orgId, role: 'ADMIN' })).user.id;
  referrerId = (await makeCustomer(db, orgId)).id;
  await db.insert(customerAccounts).values({ customerId: referrerId, orgId, referralCode: 'ACME2345' });
});
afterAll(() => drop());

describe('referral bonus', () => {
  it('nothing while the organization pays no bonus; a negative bonus is refused', async () => {
    const referred = await referredCustomer('Zero Bonus', 'zero@x.example');
    const inv = await issued(referred, 10_000);
    await pay(referred, 10_000);
    expect(inv.totalCents).toBe(10_000);
    expect(await referralEntries()).toEqual([]);
    await expect(setReferralBonus(db, staff, -1, adminId, now)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(setReferralBonus(db, { orgId, sites: [], customers: [] }, 5_000, adminId, now)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('credits 50.00 USD once: not on a partial payment, on the payment that completes the first invoice, never again', async () => {
    await setReferralBonus(db, staff, 5_000, adminId, now);
    const referred = await referredCustomer('Bo Chen', 'bo@chen.example');
    const first = await issued(referred, 30_000);
    const second = await issued(referred, 20_000);
    // 100.00 of 300.00: partially paid, no bonus yet.
    await pay(referred, 10_000);
    expect(await referralEntries()).toEqual([]);
    // 200.00 more completes the first invoice (oldest first): the bonus, 5,000 ¢, to the referrer.
    await pay(referred, 20_000);
    const [entry] = await referralEntries();
    expect(entry).toMatchObject({ amountCents: 5_000, invoiceId: first.id, evidence: { referredCustomerId: referred, invoiceId: first.id, invoiceNumber: first.number } });
    // The second invoice paid in full, and then a repeat payment allowed as an overpayment: still one bonus.
    await pay(referred, 20_000);
    await recordPayment(db, staff, { customerId: referred, purpose: 'invoices', method: 'fiat', amountCents: 1_000, receivedAt: now, allowOverpayment: true }, adminId, now);
    expect(await referralEntries()).toHaveLength(1);
    expect(second.totalCents).toBe(20_000);
    // The referrer's balance is the ledger's sum: 5,000 ¢ (it had nothing else).
    expect((await customerBalance(db, staff, referrerId)).byKind).toEqual({ referral_credit: 5_000 });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, 'billing.referral_credit')));
    expect(audits).toHaveLength(1);
  });

  it('concurrent completions of two invoices of the same referred customer grant one bonus', async () => {
    const referred = await referredCustomer('Race Co', 'race@x.example');
    await issued(referred, 1_000);
    await issued(referred, 1_000);
    const before = (await referralEntries()).length;
    await Promise.allSettled([pay(referred, 1_000), pay(referred, 1_000)]);
    expect((await referralEntries()).length).toBe(before + 1);
  });

  it('a customer without a referral gets nothing, nor does anyone else', async () => {
    const plain = (await makeCustomer(db, orgId)).id;
    const before = (await db.select().from(balanceEntries).where(eq(balanceEntries.kind, 'referral_credit'))).length;
    await issued(plain, 2_000);
    await pay(plain, 2_000);
    expect((await db.select().from(balanceEntries).where(eq(balanceEntries.kind, 'referral_credit'))).length).toBe(before);
  });
});
