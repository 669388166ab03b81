import { signedIn } from '../helpers/signed-in';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listInvoices } from '@/db/queries/billing/invoices';
import { balanceEntries, hostingContracts, invoices, payments } from '@/db/schema';
import type { Role } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The billing actions run for real against the test database; only the signed-in user is stood in for.
const { createContractAction } = await import('@/lib/actions/billing/create-contract');
const { voidContractAction } = await import('@/lib/actions/billing/void-contract');
const { createInvoiceAction } = await import('@/lib/actions/billing/create-invoice');
const { issueInvoiceAction } = await import('@/lib/actions/billing/issue-invoice');
const { recordPaymentAction } = await import('@/lib/actions/billing/record-payment');
const { runMonthlyInvoicesAction } = await import('@/lib/actions/billing/run-monthly-invoices');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let siteId: string;
let customerId: string;
const users: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  siteId = (await makeSite(db, orgId)).id;
  customerId = (await makeCustomer(db, orgId)).id;
  await makeMiner(db, { orgId, siteId, customerId });
  for (const role of ['OWNER', 'ADMIN', 'MINING_SITE_OWNER', 'OPERATOR', 'CLIENT', 'GUEST'] as const) users[role] = (await makeUser(db, { orgId, role, siteIds: [siteId] })).user.id;
});
afterAll(() => drop());

const as = (role: Role) => {
  const a = testActor(orgId, role, users[role]!, [siteId]);
  signedIn.actor = role === 'CLIENT' ? { ...a, scope: scopeFor({ orgId, role, assignedSiteIds: [], linkedCustomerIds: [customerId] }) } : a;
};
const contractForm = (over: Record<string, string | string[]> = {}) =>
  formData({ customerId, pricing: 'per_miner_month', rateUsd: '45', startDate: '2026-01-01', termMonths: '12', taxPct: '8.25', slaUptimePct: '95', slaCreditPctPerPoint: '5', slaCreditCapPct: '30', siteIds: [siteId], ...over });
const rows = async () => ({
  contracts: (await db.select({ n: count() }).from(hostingContracts))[0]!.n,
  invoices: (await db.select({ n: count() }).from(invoices))[0]!.n,
  payments: (await db.select({ n: count() }).from(payments))[0]!.n,
  entries: (await db.select({ n: count() }).from(balanceEntries))[0]!.n,
});

describe('billing actions: who may', () => {
  it('OWNER and ADMIN manage; MINING_SITE_OWNER (site-bound), OPERATOR, CLIENT and GUEST are refused and nothing is written', async () => {
    const before = await rows();
    for (const role of ['MINING_SITE_OWNER', 'OPERATOR', 'CLIENT', 'GUEST'] as const) {
      as(role);
      expect(await createContractAction(null, contractForm())).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await recordPaymentAction(null, formData({ customerId, purpose: 'prepayment', method: 'fiat', amountUsd: '10', receivedOn: '2026-04-01' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await runMonthlyInvoicesAction(null, formData({ month: '2026-03' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await rows()).toEqual(before);
    as('OWNER');
    expect(await createContractAction(null, contractForm())).toMatchObject({ ok: true });
    as('ADMIN');
    expect(await runMonthlyInvoicesAction(null, formData({ month: '2026-03' }))).toEqual({ ok: true, data: { issued: 1, existing: 0 } });
    expect(await runMonthlyInvoicesAction(null, formData({ month: '2026-03' }))).toEqual({ ok: true, data: { issued: 0, existing: 1 } });
  });

  it('OPERATOR reads the invoices of its sites’ customers; CLIENT its own, never a draft', async () => {
    as('OWNER');
    const draft = await createInvoiceAction(null, formData({ customerId, itemDescription: ['Cables'], itemQuantity: ['1'], itemUnitUsd: ['12.50'] }));
    expect(draft).toMatchObject({ ok: true });
    const operator = testActor(orgId, 'OPERATOR', users.OPERATOR!, [siteId]).scope;
    expect((await listInvoices(db, operator, {}, { page: 1, pageSize: 25 })).total).toBe(2);
    expect((await listInvoices(db, testActor(orgId, 'OPERATOR', users.OPERATOR!, []).scope, {}, { page: 1, pageSize: 25 })).total).toBe(0);
    const client = scopeFor({ orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [customerId] });
    expect((await listInvoices(db, client, {}, { page: 1, pageSize: 25 })).rows.map((r) => r.status)).toEqual(['sent']);
    expect(await issueInvoiceAction(null, formData({ id: (draft as { data: { id: string } }).data.id }))).toMatchObject({ ok: true, data: { number: 'INV-' + new Date().getUTCFullYear() + '-000002', emailed: false } });
  });
});

describe('billing actions: bad input is a field error and writes nothing', () => {
  it('contract: a negative rate, no site, a bad percentage', async () => {
    as('OWNER');
    const before = await rows();
    expect(await createContractAction(null, contractForm({ rateUsd: '-45' }))).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { rateUsd: 'positive' } });
    expect(await createContractAction(null, contractForm({ siteIds: [] }))).toMatchObject({ ok: false, fieldErrors: { siteIds: 'required' } });
    expect(await createContractAction(null, contractForm({ slaUptimePct: '101' }))).toMatchObject({ ok: false, fieldErrors: { slaUptimePct: 'outOfRange' } });
    expect(await createContractAction(null, contractForm({ pricing: 'per_kw_reserved', reservedKw: '0' }))).toMatchObject({ ok: false, fieldErrors: { reservedKw: 'positive' } });
    expect(await rows()).toEqual(before);
  });

  it('payment: negative, overpaid without the flag, a coin without its hash', async () => {
    as('ADMIN');
    const before = await rows();
    const pay = (f: Record<string, string>) => recordPaymentAction(null, formData({ customerId, purpose: 'invoices', method: 'fiat', receivedOn: '2026-04-10', ...f }));
    expect(await pay({ amountUsd: '-10' })).toMatchObject({ ok: false, fieldErrors: { amountUsd: 'positive' } });
    expect(await pay({ amountUsd: '100000' })).toMatchObject({ ok: false, fieldErrors: { amountUsd: 'overpayment' } });
    expect(await pay({ method: 'btc', assetAmount: '0.01', rateUsd: '97000' })).toMatchObject({ ok: false, fieldErrors: { txHash: 'required' } });
    expect(await pay({ method: 'usdt', assetAmount: '1.0000001', rateUsd: '1', txHash: 'ab'.repeat(32) })).toMatchObject({ ok: false, fieldErrors: { assetAmount: 'number' } });
    expect(await rows()).toEqual(before);
    expect(await pay({ amountUsd: '100000', allowOverpayment: 'on' })).toMatchObject({ ok: true, data: { amountCents: 10_000_000, allocated: 2 } });
  });

  it('an invoice on a void contract', async () => {
    as('OWNER');
    const [c] = await db.select({ id: hostingContracts.id }).from(hostingContracts).where(eq(hostingContracts.customerId, customerId));
    expect(await voidContractAction(null, formData({ id: c!.id }))).toMatchObject({ ok: true });
    const before = await rows();
    expect(await createInvoiceAction(null, formData({ customerId, contractId: c!.id, itemDescription: ['x'], itemQuantity: ['1'], itemUnitUsd: ['1'] }))).toMatchObject({ ok: false, fieldErrors: { contractId: 'contractVoid' } });
    expect(await rows()).toEqual(before);
  });
});
