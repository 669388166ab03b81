import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../client';
import { oneTimeTokens } from '../../schema';

export type OneTimeTokenRow = typeof oneTimeTokens.$inferSelect;

/**
 * Stores a link's token by its hash. Earlier unused links of the same purpose for the same e-mail
 * in the organization are closed in the same statement batch, so only the newest one works.
 */
export async function insertOneTimeToken(
  db: Db,
  row: { orgId: string; purpose: string; email: string; userId?: string | null; tokenHash: string; payload: Record<string, unknown>; createdBy?: string | null; expiresAt: Date },
  now: Date,
) {
  return db.transaction(async (tx) => {
    await tx
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.orgId, row.orgId), eq(oneTimeTokens.purpose, row.purpose), eq(oneTimeTokens.email, row.email), isNull(oneTimeTokens.usedAt)));
    const [inserted] = await tx.insert(oneTimeTokens).values({ ...row, createdAt: now }).returning({ id: oneTimeTokens.id, expiresAt: oneTimeTokens.expiresAt });
    return inserted!;
  });
}

const live = (purpose: string, tokenHash: string, now: Date) =>
  and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now));

/** The unused, unexpired token with this hash and purpose, without using it (a page showing the form). */
export async function findLiveOneTimeToken(db: Db, purpose: string, tokenHash: string, now: Date): Promise<OneTimeTokenRow | null> {
  const [row] = await db.select().from(oneTimeTokens).where(live(purpose, tokenHash, now)).limit(1);
  return row ?? null;
}

/**
 * Uses the token: one UPDATE … WHERE used_at IS NULL, so of two concurrent uses exactly one gets the
 * row. Call inside the transaction that does what the link grants, so a failure there gives it back.
 */
export async function spendOneTimeToken(db: Db, purpose: string, tokenHash: string, now: Date): Promise<OneTimeTokenRow | null> {
  const [row] = await db.update(oneTimeTokens).set({ usedAt: now }).where(live(purpose, tokenHash, now)).returning();
  return row ?? null;
}

/** Closes every unused link of the account (it was disabled or deleted, or its password was just reset). */
export async function closeUserOneTimeTokens(db: Db, userId: string, now: Date) {
  await db.update(oneTimeTokens).set({ usedAt: now }).where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt)));
}
