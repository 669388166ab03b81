import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './hosting';
import { organizations, users } from './tenancy';

const at = () => timestamp({ withTimezone: true });
const cents = () => bigint({ mode: 'number' });

/**
 * What a customer pays for hosting (lib/domain/billing/contract.ts reads it). One price basis:
 * per_kwh (rate in milli-cents per kWh of the customer's measured energy, from the power bills),
 * per_miner_month (cents per covered miner unit) or per_kw_reserved (cents per reserved kW a month).
 * The SLA is in basis points of uptime (9500 = 95 %); a month's credit is computed from measured
 * uptime (telemetry_daily) by lib/domain/billing/sla.ts. `site_ids` limit the sites covered;
 * `miner_ids` empty means every miner of the customer at those sites.
 */
export const hostingContracts = pgTable(
  'hosting_contracts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid().notNull().references(() => customers.id, { onDelete: 'restrict' }),
    // active · void
    status: text().notNull().default('active'),
    // per_kwh · per_miner_month · per_kw_reserved
    pricing: text().notNull(),
    rate: bigint({ mode: 'number' }).notNull(),
    reservedKw: integer().notNull().default(0),
    /** The power bill's own lines (energy at the site's tariff, demand, fixed) are passed through too. */
    energyPassThrough: boolean().notNull().default(false),
    revenueShareBps: integer().notNull().default(0),
    depositCents: cents().notNull().default(0),
    startDate: date({ mode: 'string' }).notNull(),
    termMonths: integer().notNull(),
    autoRenew: boolean().notNull().default(false),
    slaUptimeBps: integer().notNull().default(0),
    /** Credit per whole percentage point of shortfall, in basis points of the month's hosting charges. */
    slaCreditBpsPerPoint: integer().notNull().default(0),
    slaCreditCapBps: integer().notNull().default(0),
    taxBps: integer().notNull().default(0),
    paymentTermsDays: integer().notNull().default(15),
    siteIds: uuid().array().notNull(),
    minerIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    notes: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: at().notNull().defaultNow(),
    voidedAt: at(),
  },
  (t) => [index('hosting_contracts_customer_idx').on(t.orgId, t.customerId)],
);

/**
 * An invoice or a credit note (kind). A draft has no number; issuing draws the organization's next
 * `seq` in the same transaction (gapless: a number is never drawn and then dropped) and makes the
 * lines read-only. A monthly invoice is unique per contract and month while not void, so the
 * monthly run twice issues nothing new.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid().notNull().references(() => customers.id, { onDelete: 'restrict' }),
    contractId: uuid().references(() => hostingContracts.id, { onDelete: 'restrict' }),
    // invoice · credit_note
    kind: text().notNull().default('invoice'),
    creditOfId: uuid(),
    // draft · sent · partially_paid · paid · overdue · void
    status: text().notNull().default('draft'),
    seq: integer(),
    number: text(),
    /** First day of the month billed, for a monthly invoice. */
    periodMonth: date({ mode: 'string' }),
    locale: text().notNull().default('en'),
    taxBps: integer().notNull().default(0),
    subtotalCents: cents().notNull().default(0),
    taxCents: cents().notNull().default(0),
    totalCents: cents().notNull().default(0),
    paidCents: cents().notNull().default(0),
    creditedCents: cents().notNull().default(0),
    issueDate: date({ mode: 'string' }),
    dueDate: date({ mode: 'string' }),
    issuedAt: at(),
    issuedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    emailedAt: at(),
    voidedAt: at(),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoices_org_seq_uq').on(t.orgId, t.seq).where(sql`${t.seq} is not null`),
    uniqueIndex('invoices_contract_month_uq').on(t.contractId, t.periodMonth).where(sql`${t.kind} = 'invoice' and ${t.periodMonth} is not null and ${t.status} <> 'void'`),
    index('invoices_customer_idx').on(t.orgId, t.customerId, t.createdAt),
    index('invoices_status_due_idx').on(t.orgId, t.status, t.dueDate),
  ],
);

/**
 * A line: quantity × unit price → amount, its tax, both rounded to the cent once, so the invoice's
 * totals are the sums of its lines. `kind` picks the translated description; `meta` holds the
 * evidence (the power bill and window, the SLA's measured days) and a one-off's own text.
 */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    invoiceId: uuid().notNull().references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    kind: text().notNull(),
    description: text(),
    quantity: text().notNull(),
    unitMc: bigint({ mode: 'number' }).notNull(),
    amountCents: cents().notNull(),
    taxCents: cents().notNull(),
    meta: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [uniqueIndex('invoice_lines_invoice_pos_uq').on(t.invoiceId, t.position)],
);

/**
 * Money received from a customer: fiat, BTC or USDT. For a coin, `asset_minor` (sats, or micro-USDT)
 * × `rate_cents` (USD cents per coin) is the USD amount, and the transaction hash is the evidence.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid().notNull().references(() => customers.id, { onDelete: 'restrict' }),
    // invoices · prepayment · deposit
    purpose: text().notNull(),
    // fiat · btc · usdt
    method: text().notNull(),
    amountCents: cents().notNull(),
    assetMinor: bigint({ mode: 'number' }),
    rateCents: bigint({ mode: 'number' }),
    txHash: text(),
    reference: text(),
    receivedAt: at().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [index('payments_customer_idx').on(t.orgId, t.customerId), uniqueIndex('payments_tx_uq').on(t.orgId, t.method, t.txHash).where(sql`${t.txHash} is not null`)],
);

/**
 * The customer's balance: entries are only ever inserted (a trigger refuses UPDATE and DELETE), and
 * the balance is their sum. Positive is held for the customer: payments, deposits, SLA credits,
 * credit notes beyond what an invoice still owed; negative: amounts applied to invoices, refunds.
 */
export const balanceEntries = pgTable(
  'balance_entries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid().notNull().references(() => customers.id, { onDelete: 'restrict' }),
    // payment · prepayment · deposit · invoice_payment · sla_credit · credit_note · refund
    kind: text().notNull(),
    amountCents: cents().notNull(),
    paymentId: uuid().references(() => payments.id, { onDelete: 'restrict' }),
    invoiceId: uuid().references(() => invoices.id, { onDelete: 'restrict' }),
    contractId: uuid().references(() => hostingContracts.id, { onDelete: 'restrict' }),
    month: date({ mode: 'string' }),
    evidence: jsonb().$type<Record<string, unknown>>(),
    note: text(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    index('balance_entries_customer_idx').on(t.orgId, t.customerId, t.id),
    index('balance_entries_invoice_idx').on(t.invoiceId),
    // One SLA credit per contract and month: the monthly run twice grants nothing new.
    uniqueIndex('balance_entries_sla_uq').on(t.contractId, t.month).where(sql`${t.kind} = 'sla_credit'`),
    // One referral bonus per referred customer, whoever pays how often (db/queries/billing/referral.ts).
    uniqueIndex('balance_entries_referral_uq').on(sql`(${t.evidence}->>'referredCustomerId')`).where(sql`${t.kind} = 'referral_credit'`),
  ],
);

/** Billing choices of an organization: the referral bonus credited to a referrer (0 = no bonus). */
export const billingSettings = pgTable('billing_settings', {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  referralBonusCents: cents().notNull().default(0),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  updatedAt: at().notNull().defaultNow(),
});

/**
 * Where a customer sends coins: one address per asset (BTC; USDT when the host takes it), entered by
 * staff and checked (lib/domain/billing/deposit-address.ts) before it is stored; shown with a QR code
 * on invoices and the portal.
 */
export const customerDepositAddresses = pgTable(
  'customer_deposit_addresses',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    // BTC · USDT
    asset: text().notNull(),
    // BTC: mainnet · testnet; USDT: tron · ethereum
    network: text().notNull(),
    address: text().notNull(),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: at().notNull().defaultNow(),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('customer_deposit_addresses_uq').on(t.customerId, t.asset)],
);
