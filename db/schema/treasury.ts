import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './tenancy';

/*
 * Treasury (issue 18): the organization's own BTC and cash. Amounts are integer sats and cents. The
 * ledger is append-only (a trigger refuses UPDATE and DELETE, as for balance_entries): a wrong entry
 * is cancelled by a 'reversal' row naming it and entered again. Lots, cost basis and P&L are never
 * stored — lib/domain/treasury rebuilds them from these rows on every read.
 */

const at = () => timestamp({ withTimezone: true });
const cents = () => bigint({ mode: 'number' });

/** A place BTC sits: a watch-only address or an exchange account, known by its label only. */
export const treasuryWallets = pgTable(
  'treasury_wallets',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    // address · exchange
    kind: text().notNull(),
    label: text().notNull(),
    /** The watch-only address (kind 'address'); pool payouts to it land in this wallet. */
    address: text(),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('treasury_wallets_org_label_uq').on(t.orgId, t.label)],
);

/**
 * One movement. `sats` is the magnitude moved (never negative); `cash_cents` the signed change of
 * the treasury's cash. Kinds: pool_payout (imported, unique per pool account and payout time),
 * inflow (mined BTC entered by hand with its tx hash), sale (sats at price_cents_per_btc → gross
 * minus fee_cents into cash), transfer (wallet → to_wallet, fee_sats burnt), network_fee, cash_in,
 * cash_out, reversal (cancels `reverses_id`; each entry at most once).
 */
export const treasuryEntries = pgTable(
  'treasury_entries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    occurredAt: at().notNull(),
    walletId: uuid().references(() => treasuryWallets.id),
    toWalletId: uuid().references(() => treasuryWallets.id),
    sats: bigint({ mode: 'number' }).notNull().default(0),
    feeSats: bigint({ mode: 'number' }).notNull().default(0),
    priceCentsPerBtc: cents(),
    grossCents: cents(),
    feeCents: cents().notNull().default(0),
    cashCents: cents().notNull().default(0),
    txHash: text(),
    /** The pool payout's key (pool_payment_history account_id, paid_at): not a foreign key, the ledger outlives the pool account. */
    poolAccountId: uuid(),
    poolPaidAt: at(),
    // A foreign key to this table (no action: checked at the end of the statement, so an organization's cascade may remove both sides).
    reversesId: bigint({ mode: 'number' }),
    note: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    index('treasury_entries_org_idx').on(t.orgId, t.occurredAt, t.id),
    uniqueIndex('treasury_entries_payout_uq').on(t.orgId, t.poolAccountId, t.poolPaidAt).where(sql`${t.kind} = 'pool_payout'`),
    uniqueIndex('treasury_entries_reverses_uq').on(t.reversesId).where(sql`${t.reversesId} is not null`),
  ],
);

/** Operating costs entered by hand per month and category (hosting, staff, maintenance, other); energy comes from the power aggregates. */
export const treasuryOpex = pgTable(
  'treasury_opex',
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    /** First day of the month (UTC). */
    month: date({ mode: 'string' }).notNull(),
    category: text().notNull(),
    amountCents: cents().notNull(),
    note: text(),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    updatedAt: at().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month, t.category] })],
);

/** Per organization: the runway alert threshold, the months the "BTC to sell" figure covers, the wallet pool payouts land in by default. */
export const treasurySettings = pgTable('treasury_settings', {
  orgId: uuid().primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  runwayAlertMonths: integer().notNull().default(3),
  coverMonths: integer().notNull().default(6),
  payoutWalletId: uuid().references(() => treasuryWallets.id, { onDelete: 'set null' }),
  updatedAt: at().notNull().defaultNow(),
});
