import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { isOrgWide, type Scope } from '@/lib/core/scope';
import { redactSecrets } from '@/lib/domain/audit/redact';
import type { Db } from '../../client';
import { auditLog, users } from '../../schema';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { pgArray } from '../pg-array';

export type AuditEntry = {
  orgId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  /** The sites of the objects the entry is about; leave out for organization-wide objects (users, brands, pool accounts…). */
  siteIds?: readonly (string | null | undefined)[];
};

const row = (entry: AuditEntry) => ({
  ...entry,
  before: redactSecrets(entry.before) ?? null,
  after: redactSecrets(entry.after) ?? null,
  siteIds: [...new Set(entry.siteIds?.filter((id): id is string => Boolean(id)))],
});

/**
 * The one way into audit_log (ESLint refuses `auditLog` anywhere else outside tests): secrets are
 * redacted here, at write time, so no writer can forget it. Call inside the same transaction as the
 * change it records, so neither lands without the other.
 */
export async function recordAudit(db: Db, entry: AuditEntry | readonly AuditEntry[]) {
  const entries = Array.isArray(entry) ? entry : [entry as AuditEntry];
  if (entries.length) await db.insert(auditLog).values(entries.map(row));
}

/**
 * Entries the scope may read: owners and administrators the whole organization's; a site owner those
 * naming one of its sites (organization-wide objects and entries older than site_ids name none).
 */
function auditScope(scope: Scope): SQL {
  const siteLimit = isOrgWide(scope) ? undefined : scope.sites !== 'all' && scope.sites.length ? sql`${auditLog.siteIds} && ${pgArray(scope.sites)}::uuid[]` : sql`false`;
  return and(eq(auditLog.orgId, scope.orgId), siteLimit)!;
}

export async function listAudit(db: Db, scope: Scope, req: PageRequest) {
  const query = db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      createdAt: auditLog.createdAt,
      actorEmail: users.email,
      total: windowTotal(),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(auditScope(scope))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id));
  return pageOf(req, query);
}
