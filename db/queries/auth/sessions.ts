import { and, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { Db } from '../../client';
import { userSessions } from '../../schema';

/**
 * Starts a session for a sign-in and returns its id, which the session cookie carries. The user's
 * sessions that expired are dropped here, so the table holds about one row per live session
 * without a clean-up job.
 */
export async function startSession(db: Db, userId: string, now: Date, expiresAt: Date): Promise<string> {
  await db.delete(userSessions).where(and(eq(userSessions.userId, userId), lt(userSessions.expiresAt, now)));
  const [row] = await db.insert(userSessions).values({ userId, createdAt: now, expiresAt }).returning({ id: userSessions.id });
  return row!.id;
}

/** Whether the session is this user's, not revoked and not expired. */
export async function sessionIsLive(db: Db, sessionId: string, userId: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, now)))
    .limit(1);
  return Boolean(row);
}

export async function revokeSession(db: Db, sessionId: string, now: Date) {
  await db.update(userSessions).set({ revokedAt: now }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/** Ends every session of the user but `keep` (the one asking, after a password change); returns how many. */
export async function revokeUserSessions(db: Db, userId: string, now: Date, keep?: string): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), keep ? ne(userSessions.id, keep) : undefined))
    .returning({ id: userSessions.id });
  return rows.length;
}
