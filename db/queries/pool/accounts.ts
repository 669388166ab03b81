import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { poolAccounts } from '../../schema';

/** What the browser may see of an account: never the secret, only whether one is stored. */
export type PoolAccountView = {
  id: string;
  parentId: string | null;
  label: string;
  userId: string;
  coin: string;
  apiKey: string | null;
  hasSecret: boolean;
  workerPattern: string;
  enabled: boolean;
  isLeaf: boolean;
  lastTestAt: Date | null;
  lastTestOk: boolean | null;
  lastTestMessage: string | null;
};

const view = {
  id: poolAccounts.id,
  parentId: poolAccounts.parentId,
  label: poolAccounts.label,
  userId: poolAccounts.userId,
  coin: poolAccounts.coin,
  apiKey: poolAccounts.apiKey,
  hasSecret: sql<boolean>`${poolAccounts.secretEnc} is not null`,
  workerPattern: poolAccounts.workerPattern,
  enabled: poolAccounts.enabled,
  // Workers and payments are read on leaf accounts only: a main account's totals include its subs'.
  // Raw names: drizzle leaves columns unqualified in single-table selects, which the subquery would capture.
  isLeaf: sql<boolean>`not exists (select 1 from pool_accounts c where c.parent_id = pool_accounts.id and c.enabled)`,
  lastTestAt: poolAccounts.lastTestAt,
  lastTestOk: poolAccounts.lastTestOk,
  lastTestMessage: poolAccounts.lastTestMessage,
};

export async function listPoolAccounts(db: Db, orgId: string): Promise<PoolAccountView[]> {
  return db.select(view).from(poolAccounts).where(eq(poolAccounts.orgId, orgId)).orderBy(sql`${poolAccounts.parentId} is not null`, asc(poolAccounts.label));
}

export async function getPoolAccount(db: Db, orgId: string, id: string): Promise<PoolAccountView | null> {
  const [row] = await db.select(view).from(poolAccounts).where(and(eq(poolAccounts.orgId, orgId), eq(poolAccounts.id, id))).limit(1);
  return row ?? null;
}

/** Every enabled account of every organization, for the collection jobs. */
export async function listCollectableAccounts(db: Db): Promise<{ id: string; orgId: string; userId: string; isLeaf: boolean }[]> {
  return db
    .select({ id: poolAccounts.id, orgId: poolAccounts.orgId, userId: poolAccounts.userId, isLeaf: view.isLeaf })
    .from(poolAccounts)
    .where(eq(poolAccounts.enabled, true))
    .orderBy(poolAccounts.orgId, poolAccounts.userId);
}

/** The stored row, secret included, for the server-side client factory only. */
export async function loadAccountRow(db: Db, id: string) {
  const [row] = await db.select().from(poolAccounts).where(eq(poolAccounts.id, id)).limit(1);
  return row ?? null;
}

export type PoolAccountInput = {
  label: string;
  userId: string;
  parentId: string | null;
  apiKey: string | null;
  /** Already encrypted; undefined keeps the stored secret. */
  secretEnc?: string | null;
  workerPattern?: string;
  enabled?: boolean;
};

export async function insertPoolAccount(db: Db, orgId: string, input: PoolAccountInput): Promise<string> {
  const [row] = await db.insert(poolAccounts).values({ orgId, ...input }).returning({ id: poolAccounts.id });
  return row!.id;
}

export async function updatePoolAccount(db: Db, orgId: string, id: string, input: Partial<PoolAccountInput>): Promise<boolean> {
  const rows = await db
    .update(poolAccounts)
    .set({ ...input, updatedAt: new Date() })
    .where(and(eq(poolAccounts.orgId, orgId), eq(poolAccounts.id, id)))
    .returning({ id: poolAccounts.id });
  return rows.length > 0;
}

export async function recordConnectionTest(db: Db, id: string, ok: boolean, message: string, at: Date) {
  await db.update(poolAccounts).set({ lastTestAt: at, lastTestOk: ok, lastTestMessage: message.slice(0, 300) }).where(eq(poolAccounts.id, id));
}
