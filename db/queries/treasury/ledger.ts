import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { EntryKind, LedgerEntry } from '@/lib/domain/treasury/ledger';
import type { Db } from '../../client';
import { treasuryEntries, treasuryWallets } from '../../schema';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { assertTreasuryScope } from './scope';

export type TreasuryEntryRow = typeof treasuryEntries.$inferSelect;

export const toLedgerEntry = (r: TreasuryEntryRow): LedgerEntry => ({
  id: r.id,
  kind: r.kind as EntryKind,
  occurredAt: r.occurredAt,
  walletId: r.walletId,
  toWalletId: r.toWalletId,
  sats: r.sats,
  feeSats: r.feeSats,
  grossCents: r.grossCents,
  feeCents: r.feeCents,
  cashCents: r.cashCents,
  reversesId: r.reversesId,
});

/** Every entry of the organization, oldest first: the input every treasury figure is rebuilt from. */
export async function ledgerEntries(db: Db, scope: Scope): Promise<LedgerEntry[]> {
  assertTreasuryScope(scope);
  const rows = await db.select().from(treasuryEntries).where(eq(treasuryEntries.orgId, scope.orgId)).orderBy(asc(treasuryEntries.occurredAt), asc(treasuryEntries.id));
  return rows.map(toLedgerEntry);
}

/** A page of the ledger, newest first, each row with its wallets' labels and whether it was reversed. */
export async function listLedger(db: Db, scope: Scope, page: PageRequest) {
  assertTreasuryScope(scope);
  const to = sql`(select label from treasury_wallets w2 where w2.id = ${treasuryEntries.toWalletId})`;
  const query = db
    .select({
      entry: treasuryEntries,
      wallet: treasuryWallets.label,
      toWallet: sql<string | null>`${to}`,
      reversedBy: sql<number | null>`(select r.id from treasury_entries r where r.reverses_id = ${treasuryEntries.id})`,
      total: windowTotal(),
    })
    .from(treasuryEntries)
    .leftJoin(treasuryWallets, eq(treasuryWallets.id, treasuryEntries.walletId))
    .where(eq(treasuryEntries.orgId, scope.orgId))
    .orderBy(desc(treasuryEntries.occurredAt), desc(treasuryEntries.id));
  const p = await pageOf(page, query);
  return { ...p, rows: p.rows.map((r) => ({ ...r.entry, wallet: r.wallet, toWallet: r.toWallet, reversedBy: r.reversedBy === null ? null : Number(r.reversedBy) })) };
}

export async function listWallets(db: Db, scope: Scope) {
  assertTreasuryScope(scope);
  return db.select().from(treasuryWallets).where(eq(treasuryWallets.orgId, scope.orgId)).orderBy(asc(treasuryWallets.label));
}

export async function walletInScope(db: Db, scope: Scope, walletId: string) {
  assertTreasuryScope(scope);
  const [w] = await db.select().from(treasuryWallets).where(and(eq(treasuryWallets.id, walletId), eq(treasuryWallets.orgId, scope.orgId)));
  return w ?? null;
}
