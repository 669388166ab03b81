import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import type { OpexCategory } from '@/lib/domain/treasury/cost-basis';
import { effectiveEntries, type LedgerEntry, saleGrossCents, walletDeltas } from '@/lib/domain/treasury/ledger';
import { type Db, queryRows } from '../../client';
import { treasuryEntries, treasuryOpex, treasurySettings, treasuryWallets } from '../../schema';
import { recordAudit } from '../admin/audit';
import { ledgerEntries, walletInScope } from './ledger';
import { assertTreasuryScope } from './scope';

/*
 * Every write to the treasury: one transaction, the organization's treasury lock held (so two
 * sales cannot both spend the same sats), an audit entry beside the change. An outflow never takes
 * a wallet or the cash below zero — not at the time of the entry, nor (for a reversal) afterwards.
 */

const lock = (db: Db, orgId: string) => db.execute(sql`select pg_advisory_xact_lock(hashtext(${`treasury:${orgId}`}))`);

export type WalletInput = { kind: 'address' | 'exchange'; label: string; address?: string | null };

export async function createWallet(db: Db, scope: Scope, input: WalletInput, actorId: string | null) {
  assertTreasuryScope(scope);
  return db.transaction(async (tx) => {
    const [w] = await tx
      .insert(treasuryWallets)
      .values({ orgId: scope.orgId, kind: input.kind, label: input.label, address: input.kind === 'address' ? (input.address ?? null) : null })
      .onConflictDoNothing()
      .returning();
    if (!w) throw new AppError('CONFLICT', 'A wallet with this label exists', { label: 'taken' });
    await recordAudit(tx, { orgId: scope.orgId, actorUserId: actorId, action: 'treasury.wallet_create', entityType: 'treasury_wallet', entityId: w.id, after: { kind: w.kind, label: w.label } });
    return w;
  });
}

export type EntryInput =
  | { kind: 'inflow'; walletId: string; occurredAt: Date; sats: number; txHash: string; note?: string | null }
  | { kind: 'sale'; walletId: string; occurredAt: Date; sats: number; priceCentsPerBtc: number; feeCents: number; note?: string | null }
  | { kind: 'transfer'; walletId: string; toWalletId: string; occurredAt: Date; sats: number; feeSats: number; txHash?: string | null; note?: string | null }
  | { kind: 'network_fee'; walletId: string; occurredAt: Date; sats: number; txHash?: string | null; note?: string | null }
  | { kind: 'cash_in' | 'cash_out'; occurredAt: Date; cents: number; note?: string | null };

type Values = typeof treasuryEntries.$inferInsert;

function valuesOf(orgId: string, e: EntryInput, actorId: string | null): Values {
  const base = { orgId, kind: e.kind, occurredAt: e.occurredAt, note: e.note ?? null, createdBy: actorId };
  switch (e.kind) {
    case 'inflow':
      return { ...base, walletId: e.walletId, sats: e.sats, txHash: e.txHash };
    case 'sale': {
      const grossCents = saleGrossCents(e.sats, e.priceCentsPerBtc);
      if (e.feeCents > grossCents) throw new AppError('VALIDATION', 'The fee is more than the sale', { feeUsd: 'outOfRange' });
      return { ...base, walletId: e.walletId, sats: e.sats, priceCentsPerBtc: e.priceCentsPerBtc, grossCents, feeCents: e.feeCents, cashCents: grossCents - e.feeCents };
    }
    case 'transfer':
      if (e.toWalletId === e.walletId) throw new AppError('VALIDATION', 'A transfer goes to another wallet', { toWalletId: 'invalid' });
      return { ...base, walletId: e.walletId, toWalletId: e.toWalletId, sats: e.sats, feeSats: e.feeSats, txHash: e.txHash ?? null };
    case 'network_fee':
      return { ...base, walletId: e.walletId, sats: e.sats, txHash: e.txHash ?? null };
    case 'cash_in':
      return { ...base, cashCents: e.cents };
    case 'cash_out':
      return { ...base, cashCents: -e.cents };
  }
}

/** Refuses a ledger in which any wallet or the cash would be negative at some point in time (one running pass). */
function assertCovered(entries: LedgerEntry[]) {
  const sorted = effectiveEntries(entries).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id - b.id);
  const wallets = new Map<string, number>();
  let cash = 0;
  for (const e of sorted) {
    cash += e.cashCents;
    for (const d of walletDeltas(e)) {
      if (!d.walletId) continue;
      const sats = (wallets.get(d.walletId) ?? 0) + d.sats;
      wallets.set(d.walletId, sats);
      if (sats < 0) throw new AppError('CONFLICT', 'More BTC than the wallet holds', { sats: 'insufficient' });
    }
    if (cash < 0) throw new AppError('CONFLICT', 'More cash than the treasury holds', { cents: 'insufficient' });
  }
}

const asEntry = (id: number, v: Values): LedgerEntry => ({
  id,
  kind: v.kind as LedgerEntry['kind'],
  occurredAt: v.occurredAt,
  walletId: v.walletId ?? null,
  toWalletId: v.toWalletId ?? null,
  sats: v.sats ?? 0,
  feeSats: v.feeSats ?? 0,
  grossCents: v.grossCents ?? null,
  feeCents: v.feeCents ?? 0,
  cashCents: v.cashCents ?? 0,
  reversesId: v.reversesId ?? null,
});

export async function recordEntry(db: Db, scope: Scope, input: EntryInput, actorId: string | null, now = new Date()) {
  assertTreasuryScope(scope);
  if (input.occurredAt.getTime() > now.getTime()) throw new AppError('VALIDATION', 'Not in the future', { occurredAt: 'future' });
  const values = valuesOf(scope.orgId, input, actorId);
  return db.transaction(async (tx) => {
    await lock(tx, scope.orgId);
    for (const [field, id] of [['walletId', values.walletId], ['toWalletId', values.toWalletId]] as const) {
      if (id && !(await walletInScope(tx, scope, id))) throw new AppError('VALIDATION', 'Unknown wallet', { [field]: 'invalid' });
    }
    const existing = await ledgerEntries(tx, scope);
    assertCovered([...existing, asEntry(Number.MAX_SAFE_INTEGER, values)]);
    const [row] = await tx.insert(treasuryEntries).values(values).returning();
    await recordAudit(tx, { orgId: scope.orgId, actorUserId: actorId, action: `treasury.${input.kind}`, entityType: 'treasury_entry', entityId: String(row!.id), after: { sats: row!.sats, cashCents: row!.cashCents } });
    return row!;
  });
}

/** Cancels an entry with a reversing one (the original stays, marked by it); each entry once. */
export async function reverseEntry(db: Db, scope: Scope, entryId: number, note: string | null, actorId: string | null, now = new Date()) {
  assertTreasuryScope(scope);
  return db.transaction(async (tx) => {
    await lock(tx, scope.orgId);
    const [orig] = await tx.select().from(treasuryEntries).where(and(eq(treasuryEntries.id, entryId), eq(treasuryEntries.orgId, scope.orgId)));
    if (!orig) throw new AppError('NOT_FOUND', 'No such entry');
    if (orig.kind === 'reversal') throw new AppError('VALIDATION', 'A reversal is not reversed; enter the entry again', { entryId: 'invalid' });
    const existing = await ledgerEntries(tx, scope);
    if (existing.some((e) => e.reversesId === orig.id)) throw new AppError('CONFLICT', 'Already reversed', { entryId: 'taken' });
    const { id: _id, createdAt: _c, kind: _k, ...copy } = orig;
    const values: Values = { ...copy, kind: 'reversal', reversesId: orig.id, occurredAt: now, cashCents: -orig.cashCents, note, createdBy: actorId, poolAccountId: null, poolPaidAt: null };
    assertCovered([...existing, asEntry(Number.MAX_SAFE_INTEGER, values)]);
    const [row] = await tx.insert(treasuryEntries).values(values).returning();
    await recordAudit(tx, { orgId: scope.orgId, actorUserId: actorId, action: 'treasury.reversal', entityType: 'treasury_entry', entityId: String(row!.id), before: { id: orig.id, kind: orig.kind, sats: orig.sats, cashCents: orig.cashCents } });
    return row!;
  });
}

/**
 * Brings the pool's payouts into the ledger. Each payout lands in the wallet whose address it was
 * paid to, else the organization's payout wallet; the unique key (account, paid_at) makes a second
 * import add nothing. A payout that was reversed stays reversed (its key is taken).
 */
export async function importPoolPayouts(db: Db, scope: Scope, actorId: string | null, now = new Date()): Promise<{ imported: number; skippedNoWallet: number }> {
  assertTreasuryScope(scope);
  return db.transaction(async (tx) => {
    await lock(tx, scope.orgId);
    const [settings] = await tx.select().from(treasurySettings).where(eq(treasurySettings.orgId, scope.orgId));
    const fallback = settings?.payoutWalletId ?? null;
    const wallet = sql`coalesce((select w.id from treasury_wallets w where w.org_id = a.org_id and w.kind = 'address' and w.address = p.wallet_address limit 1), ${fallback}::uuid)`;
    const inserted = await queryRows<{ id: number }>(
      tx,
      sql`insert into treasury_entries (org_id, kind, occurred_at, wallet_id, sats, tx_hash, pool_account_id, pool_paid_at, created_by)
          select a.org_id, 'pool_payout', p.paid_at, ${wallet}, p.amount_sats, p.tx_id, p.account_id, p.paid_at, ${actorId}::uuid
          from pool_payment_history p join pool_accounts a on a.id = p.account_id
          where a.org_id = ${scope.orgId} and p.kind = 'payout' and p.amount_sats > 0 and p.paid_at <= ${now.toISOString()}::timestamptz and ${wallet} is not null
          on conflict (org_id, pool_account_id, pool_paid_at) where kind = 'pool_payout' do nothing
          returning id`,
    );
    const [left] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from pool_payment_history p join pool_accounts a on a.id = p.account_id
          where a.org_id = ${scope.orgId} and p.kind = 'payout' and p.amount_sats > 0 and p.paid_at <= ${now.toISOString()}::timestamptz and ${wallet} is null`,
    );
    if (inserted.length) await recordAudit(tx, { orgId: scope.orgId, actorUserId: actorId, action: 'treasury.import_payouts', entityType: 'treasury_entry', entityId: String(inserted[0]!.id), after: { imported: inserted.length } });
    return { imported: inserted.length, skippedNoWallet: Number(left?.n ?? 0) };
  });
}


/** A month's cost in one category; entering it again replaces it (inputs to the cost basis, not ledger entries). */
export async function putOpex(db: Db, scope: Scope, o: { month: string; category: OpexCategory; amountCents: number; note?: string | null }, actorId: string | null) {
  assertTreasuryScope(scope);
  const month = `${o.month.slice(0, 7)}-01`;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(treasuryOpex).where(and(eq(treasuryOpex.orgId, scope.orgId), eq(treasuryOpex.month, month), eq(treasuryOpex.category, o.category)));
    const values = { orgId: scope.orgId, month, category: o.category, amountCents: o.amountCents, note: o.note ?? null, updatedBy: actorId, updatedAt: new Date() };
    await tx.insert(treasuryOpex).values(values).onConflictDoUpdate({ target: [treasuryOpex.orgId, treasuryOpex.month, treasuryOpex.category], set: { amountCents: values.amountCents, note: values.note, updatedBy: actorId, updatedAt: values.updatedAt } });
    await recordAudit(tx, { orgId: scope.orgId, actorUserId: actorId, action: 'treasury.opex', entityType: 'treasury_opex', entityId: `${month}:${o.category}`, before: before ? { amountCents: before.amountCents } : undefined, after: { amountCents: o.amountCents } });
  });
}

export async function listOpex(db: Db, scope: Scope) {
  assertTreasuryScope(scope);
  return db.select().from(treasuryOpex).where(eq(treasuryOpex.orgId, scope.orgId)).orderBy(sql`${treasuryOpex.month} desc`, treasuryOpex.category);
}

export type TreasurySettings = { runwayAlertMonths: number; coverMonths: number; payoutWalletId: string | null };
export const DEFAULT_SETTINGS: TreasurySettings = { runwayAlertMonths: 3, coverMonths: 6, payoutWalletId: null };

export async function getTreasurySettings(db: Db, scope: Scope): Promise<TreasurySettings> {
  assertTreasuryScope(scope);
  const [s] = await db.select().from(treasurySettings).where(eq(treasurySettings.orgId, scope.orgId));
  return s ? { runwayAlertMonths: s.runwayAlertMonths, coverMonths: s.coverMonths, payoutWalletId: s.payoutWalletId } : DEFAULT_SETTINGS;
}

export async function putTreasurySettings(db: Db, scope: Scope, s: TreasurySettings, actorId: string | null) {
  assertTreasuryScope(scope);
  return db.transaction(async (tx) => {
    if (s.payoutWalletId && !(await walletInScope(tx, scope, s.payoutWalletId))) throw new AppError('VALIDATION', 'Unknown wallet', { payoutWalletId: 'invalid' });
    await tx.insert(treasurySettings).values({ orgId: scope.orgId, ...s }).onConflictDoUpdate({ target: treasurySettings.orgId, set: { ...s, updatedAt: new Date() } });
    await recordAudit(tx, { orgId: scope.orgId, actorUserId: actorId, action: 'treasury.settings', entityType: 'treasury_settings', entityId: scope.orgId, after: s });
  });
}
