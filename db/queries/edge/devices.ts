import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { AppError } from '@/lib/core/errors';
import type { Db } from '../../client';
import { edgeDevices, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { scopeWhere } from '../scope';

export type EdgeDevice = typeof edgeDevices.$inferSelect;

const siteLimit = (scope: Scope) => scopeWhere(edgeDevices, scope);

/** A collector's sealed credentials: the token's hash and prefix and the command key derived from it (never the token). */
export type DeviceSecrets = { tokenHash: string; tokenPrefix: string; signingKey: string };

/** Creates a collector bound to one site of the scope, storing only what `DeviceSecrets` holds. */
export async function insertDevice(db: Db, scope: Scope, actorUserId: string | null, input: { siteId: string; name: string }, secrets: DeviceSecrets): Promise<EdgeDevice> {
  return db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.id, input.siteId), eq(sites.orgId, scope.orgId))).limit(1);
    if (!site || (scope.sites !== 'all' && !scope.sites.includes(site.id))) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .insert(edgeDevices)
      .values({ orgId: scope.orgId, siteId: site.id, name: input.name, tokenHash: secrets.tokenHash, tokenPrefix: secrets.tokenPrefix, signingKey: secrets.signingKey, createdBy: actorUserId })
      .returning();
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'edge.token.issue', entityType: 'edge_device', entityId: row!.id, siteIds: [site.id], after: { siteId: site.id, name: input.name, tokenPrefix: row!.tokenPrefix } });
    return row!;
  });
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

/** The active device whose token hashes to `tokenHash`, or null (unknown or revoked). */
export async function findDeviceByTokenHash(db: Db, tokenHash: string): Promise<EdgeDevice | null> {
  const [row] = await db
    .select()
    .from(edgeDevices)
    .where(and(eq(edgeDevices.tokenHash, tokenHash), isNull(edgeDevices.revokedAt)))
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
