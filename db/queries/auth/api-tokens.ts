import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { apiTokens } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';

/** A token's owner: every query here takes it, so a user only ever sees or revokes their own tokens. */
export type TokenOwner = { orgId: string; userId: string };

export const TOKEN_PREFIX = 'hi_';
export const MAX_ACTIVE_TOKENS = 20;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** 32 random bytes, base64url: 256 bits, so the fast SHA-256 (not a password hash) is enough. */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Creates a token and returns its clear text once; only the hash is stored. Audited in the same transaction. */
export async function createApiToken(db: Db, owner: TokenOwner, name: string) {
  const token = newToken();
  return db.transaction(async (tx) => {
    const [{ active }] = (await tx
      .select({ active: sql<number>`count(*)::int` })
      .from(apiTokens)
      .where(and(eq(apiTokens.orgId, owner.orgId), eq(apiTokens.userId, owner.userId), isNull(apiTokens.revokedAt)))) as [{ active: number }];
    if (active >= MAX_ACTIVE_TOKENS) return { ok: false as const };
    const [row] = await tx
      .insert(apiTokens)
      .values({ ...owner, name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
    await recordAudit(tx, { orgId: owner.orgId, actorUserId: owner.userId, action: 'api_token.create', entityType: 'api_token', entityId: row!.id, after: { name, prefix: row!.prefix } });
    return { ok: true as const, token, row: row! };
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

/** The active token with this clear text, if any; marks it used. */
export async function consumeApiToken(db: Db, token: string, now: Date) {
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, orgId: apiTokens.orgId, userId: apiTokens.userId });
  return row ?? null;
}
