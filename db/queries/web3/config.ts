import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../client';
import { web3ExchangeKeys, web3PayoutAddresses, web3WatchWallets } from '../../schema';

/**
 * The organization's Web3 configuration as pages show it. The exchange keys' sealed columns are not
 * selected: nothing read here can carry a secret to a page.
 */
export async function web3Config(db: Db, orgId: string) {
  const [addresses, wallets, exchangeKeys] = await Promise.all([
    db
      .select({ id: web3PayoutAddresses.id, asset: web3PayoutAddresses.asset, network: web3PayoutAddresses.network, kind: web3PayoutAddresses.kind, address: web3PayoutAddresses.address, label: web3PayoutAddresses.label, createdAt: web3PayoutAddresses.createdAt })
      .from(web3PayoutAddresses)
      .where(eq(web3PayoutAddresses.orgId, orgId))
      .orderBy(asc(web3PayoutAddresses.asset), asc(web3PayoutAddresses.createdAt))
      .limit(100),
    db
      .select({ id: web3WatchWallets.id, label: web3WatchWallets.label, kind: web3WatchWallets.kind, network: web3WatchWallets.network, extendedKey: web3WatchWallets.extendedKey, createdAt: web3WatchWallets.createdAt })
      .from(web3WatchWallets)
      .where(eq(web3WatchWallets.orgId, orgId))
      .orderBy(asc(web3WatchWallets.createdAt))
      .limit(50),
    db
      .select({ id: web3ExchangeKeys.id, exchange: web3ExchangeKeys.exchange, label: web3ExchangeKeys.label, keyHint: web3ExchangeKeys.keyHint, lastTestedAt: web3ExchangeKeys.lastTestedAt, lastTestOk: web3ExchangeKeys.lastTestOk, createdAt: web3ExchangeKeys.createdAt })
      .from(web3ExchangeKeys)
      .where(eq(web3ExchangeKeys.orgId, orgId))
      .orderBy(asc(web3ExchangeKeys.createdAt))
      .limit(50),
  ]);
  return { addresses, wallets, exchangeKeys };
}

export async function insertPayoutAddress(db: Db, row: typeof web3PayoutAddresses.$inferInsert) {
  const [r] = await db.insert(web3PayoutAddresses).values(row).onConflictDoNothing().returning({ id: web3PayoutAddresses.id });
  return r?.id ?? null;
}

export async function insertWatchWallet(db: Db, row: typeof web3WatchWallets.$inferInsert) {
  const [r] = await db.insert(web3WatchWallets).values(row).onConflictDoNothing().returning({ id: web3WatchWallets.id });
  return r?.id ?? null;
}

/** A key under a label already used replaces it (a rotated key keeps its name). */
export async function upsertExchangeKey(db: Db, row: typeof web3ExchangeKeys.$inferInsert) {
  const [r] = await db
    .insert(web3ExchangeKeys)
    .values(row)
    .onConflictDoUpdate({ target: [web3ExchangeKeys.orgId, web3ExchangeKeys.label], set: { exchange: row.exchange, apiKeyEnc: row.apiKeyEnc, apiSecretEnc: row.apiSecretEnc, keyHint: row.keyHint, lastTestedAt: row.lastTestedAt ?? null, lastTestOk: row.lastTestOk ?? null } })
    .returning({ id: web3ExchangeKeys.id });
  return r!.id;
}

export async function deleteWeb3Entry(db: Db, orgId: string, kind: 'address' | 'wallet' | 'exchange', id: string) {
  const table = kind === 'address' ? web3PayoutAddresses : kind === 'wallet' ? web3WatchWallets : web3ExchangeKeys;
  const rows = await db.delete(table).where(and(eq(table.orgId, orgId), eq(table.id, id))).returning({ id: table.id });
  return rows.length > 0;
}
