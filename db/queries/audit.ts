import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog, users } from '../schema';
import { offsetOf, type PageRequest, toPage } from './pagination';

export type AuditEntry = {
  orgId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/** Call inside the same transaction as the change it records, so neither lands without the other. */
export async function recordAudit(db: Db, entry: AuditEntry) {
  await db.insert(auditLog).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null });
}

export async function listAudit(db: Db, orgId: string, req: PageRequest) {
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
      actorEmail: users.email,
      total: sql<number>`count(*) over()::int`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(auditLog.orgId, orgId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(req.pageSize)
    .offset(offsetOf(req));
  return toPage(rows, rows[0]?.total ?? 0, req);
}
