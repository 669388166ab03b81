import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { commandSigningKey, generateDeviceToken, hashDeviceToken } from '@/lib/edge/device-token';
import { AppError } from '@/lib/core/errors';
import type { Db } from '../../client';
import { edgeDevices, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';

export type EdgeDevice = typeof edgeDevices.$inferSelect;

function siteLimit(scope: Scope) {
  return and(eq(edgeDevices.orgId, scope.orgId), scope.sites === 'all' ? undefined : scope.sites.length ? inArray(edgeDevices.siteId, scope.sites) : sql`false`);
}

/** Creates a collector bound to one site; the token is returned here once and never stored. */
export async function issueDeviceToken(db: Db, scope: Scope, actorUserId: string | null, input: { siteId: string; name: string }) {
  const token = generateDeviceToken();
  const device = await db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.id, input.siteId), eq(sites.orgId, scope.orgId))).limit(1);
    if (!site || (scope.sites !== 'all' && !scope.sites.includes(site.id))) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .insert(edgeDevices)
      .values({ orgId: scope.orgId, siteId: site.id, name: input.name, tokenHash: hashDeviceToken(token), tokenPrefix: token.slice(0, 10), signingKey: commandSigningKey(token), createdBy: actorUserId })
      .returning();
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'edge.token.issue', entityType: 'edge_device', entityId: row!.id, siteIds: [site.id], after: { siteId: site.id, name: input.name, tokenPrefix: row!.tokenPrefix } });
    return row!;
  });
  return { device, token };
}

export async function revokeDeviceToken(db: Db, scope: Scope, actorUserId: string | null, deviceId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(edgeDevices)
      .set({ revokedAt: now })
      .where(and(eq(edgeDevices.id, deviceId), siteLimit(scope), isNull(edgeDevices.revokedAt)))
      .returning({ id: edgeDevices.id, siteId: edgeDevices.siteId });
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'edge.token.revoke', entityType: 'edge_device', entityId: row.id, siteIds: [row.siteId] });
    return { id: row.id };
  });
}

/** The active device a bearer token belongs to, or null (unknown or revoked). */
export async function findDeviceByToken(db: Db, token: string): Promise<EdgeDevice | null> {
  if (!token.startsWith('hie_') || token.length > 200) return null;
  const [row] = await db
    .select()
    .from(edgeDevices)
    .where(and(eq(edgeDevices.tokenHash, hashDeviceToken(token)), isNull(edgeDevices.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function listDevices(db: Db, scope: Scope, req: PageRequest) {
  const query = db
    .select({
      id: edgeDevices.id,
      name: edgeDevices.name,
      siteId: edgeDevices.siteId,
      siteName: sites.name,
      tokenPrefix: edgeDevices.tokenPrefix,
      createdAt: edgeDevices.createdAt,
      revokedAt: edgeDevices.revokedAt,
      lastSeenAt: edgeDevices.lastSeenAt,
      version: edgeDevices.version,
      lagS: edgeDevices.lagS,
      bufferDepth: edgeDevices.bufferDepth,
      deadLetters: edgeDevices.deadLetters,
      deadLetterBytes: edgeDevices.deadLetterBytes,
      total: windowTotal(),
    })
    .from(edgeDevices)
    .innerJoin(sites, eq(sites.id, edgeDevices.siteId))
    .where(siteLimit(scope))
    .orderBy(sql`${edgeDevices.revokedAt} is not null`, desc(edgeDevices.createdAt));
  return pageOf(req, query);
}
