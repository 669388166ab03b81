import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { apiTokens } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';

/** A token's owner: every query here takes it, so a user only ever sees or revokes their own tokens. */
export type TokenOwner = { orgId: string; userId: string };

export const MAX_ACTIVE_TOKENS = 20;

/**
 * Stores a new token of the owner by its hash and displayed prefix (the clear text never reaches the
 * database); null when the owner already has MAX_ACTIVE_TOKENS active ones. Audited in the same transaction.
 */
export async function insertApiToken(db: Db, owner: TokenOwner, name: string, sealed: { tokenHash: string; prefix: string }) {
  return db.transaction(async (tx) => {
    const [{ active }] = (await tx
      .select({ active: sql<number>`count(*)::int` })
      .from(apiTokens)
      .where(and(eq(apiTokens.orgId, owner.orgId), eq(apiTokens.userId, owner.userId), isNull(apiTokens.revokedAt)))) as [{ active: number }];
    if (active >= MAX_ACTIVE_TOKENS) return null;
    const [row] = await tx
      .insert(apiTokens)
      .values({ ...owner, name, tokenHash: sealed.tokenHash, prefix: sealed.prefix })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
    await recordAudit(tx, { orgId: owner.orgId, actorUserId: owner.userId, action: 'api_token.create', entityType: 'api_token', entityId: row!.id, after: { name, prefix: row!.prefix } });
    return row!;
  });
}

export async function listApiTokens(db: Db, owner: TokenOwner, req: PageRequest) {
  const query = db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      total: windowTotal(),
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, owner.orgId), eq(apiTokens.userId, owner.userId)))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt), desc(apiTokens.id));
  return pageOf(req, query);
}

/** Revokes one of the owner's active tokens; false when there is no such token (or it is someone else's). */
export async function revokeApiToken(db: Db, owner: TokenOwner, id: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.orgId, owner.orgId), eq(apiTokens.userId, owner.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!row) return false;
    await recordAudit(tx, { orgId: owner.orgId, actorUserId: owner.userId, action: 'api_token.revoke', entityType: 'api_token', entityId: row.id, before: { name: row.name } });
    return true;
  });
}

/** The active token with this hash, if any; marks it used. */
export async function consumeApiTokenHash(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, orgId: apiTokens.orgId, userId: apiTokens.userId });
  return row ?? null;
}

/**
 * Revokes every active token of the user in every organization; returns how many. A password
 * change or reset, disabling and expiry call it: a token is as good as the password that made it.
 */
export async function revokeUserApiTokens(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}
