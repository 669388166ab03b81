import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import type { SealedCredentialInput } from '@/lib/validation/edge-credentials';
import type { Db } from '../../client';
import { edgeDevices, edgeDiscoveredMiners, edgeMinerCredentials, miners } from '../../schema';
import { recordAudit } from '../admin/audit';
import { minerScope } from '../scope';

/**
 * Stores a sealed credential for a miner in scope. The AAD must name this tenant, the miner's site and
 * the miner, and its counter must rise (the server refuses a rollback too, not only the collector).
 * Only the sealed JSON is kept; the audit entry records the counter, never the blob.
 */
export async function storeSealedCredential(db: Db, scope: Scope, actorUserId: string | null, minerId: string, sealed: SealedCredentialInput, now: Date) {
  return db.transaction(async (tx) => {
    const [miner] = await tx.select({ id: miners.id, siteId: miners.siteId }).from(miners).where(and(eq(miners.id, minerId), minerScope(scope))).limit(1);
    if (!miner) throw new AppError('NOT_FOUND');
    if (sealed.aad.tenantId !== scope.orgId || sealed.aad.siteId !== miner.siteId || sealed.aad.minerId !== miner.id) {
      throw new AppError('VALIDATION', 'The credential is bound to another tenant, site or miner', { aad: 'invalid' });
    }
    const [row] = await tx
      .insert(edgeMinerCredentials)
      .values({ minerId, orgId: scope.orgId, siteId: miner.siteId, keyVersion: sealed.keyVersion, counter: sealed.aad.counter, ciphertext: JSON.stringify(sealed), updatedAt: now })
      .onConflictDoUpdate({
        target: edgeMinerCredentials.minerId,
        set: { keyVersion: sealed.keyVersion, counter: sealed.aad.counter, ciphertext: JSON.stringify(sealed), siteId: miner.siteId, updatedAt: now },
        setWhere: sql`${edgeMinerCredentials.counter} < ${sealed.aad.counter}`,
      })
      .returning({ minerId: edgeMinerCredentials.minerId });
    if (!row) throw new AppError('CONFLICT', 'The counter must be above the stored one');
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'edge.credential.store', entityType: 'miner', entityId: minerId, siteIds: [miner.siteId], after: { keyVersion: sealed.keyVersion, counter: sealed.aad.counter } });
  });
}

/**
 * The sealed credentials of a collector's site, for the collector to open, each with the address
 * the collector reads its miner at (the discovered host:port, else the miner's static IP on 4028),
 * so a web-only firmware can be read with its login; null when the miner has no address yet.
 */
export async function sealedCredentialsForDevice(db: Db, device: { siteId: string }) {
  const rows = await db
    .select({ minerId: edgeMinerCredentials.minerId, sealed: edgeMinerCredentials.ciphertext, host: edgeDiscoveredMiners.host, port: edgeDiscoveredMiners.port, ip: sql<string | null>`host(${miners.ipAddress})` })
    .from(edgeMinerCredentials)
    .innerJoin(miners, eq(miners.id, edgeMinerCredentials.minerId))
    .leftJoin(edgeDiscoveredMiners, eq(edgeDiscoveredMiners.minerId, edgeMinerCredentials.minerId))
    .where(eq(edgeMinerCredentials.siteId, device.siteId));
  return rows.map((r) => ({
    minerId: r.minerId,
    sealed: JSON.parse(r.sealed) as SealedCredentialInput,
    target: r.host ? { host: r.host, port: r.port! } : r.ip ? { host: r.ip, port: 4028 } : null,
  }));
}

/** A collector publishes the public half of its key pair; the browser seals credentials to it. */
export async function setDevicePublicKey(db: Db, deviceId: string, key: { keyVersion: number; publicKey: string }) {
  await db.update(edgeDevices).set({ boxPublicKey: key.publicKey, boxKeyVersion: key.keyVersion }).where(eq(edgeDevices.id, deviceId));
}

/** The public key to seal a miner's credential to: its site's newest active collector that published one. */
export async function sealingKeyForMiner(db: Db, scope: Scope, minerId: string) {
  const [row] = await db
    .select({ publicKey: edgeDevices.boxPublicKey, keyVersion: edgeDevices.boxKeyVersion, siteId: miners.siteId, counter: edgeMinerCredentials.counter })
    .from(miners)
    .innerJoin(edgeDevices, and(eq(edgeDevices.siteId, miners.siteId), sql`${edgeDevices.revokedAt} is null`, sql`${edgeDevices.boxPublicKey} is not null`))
    .leftJoin(edgeMinerCredentials, eq(edgeMinerCredentials.minerId, miners.id))
    .where(and(eq(miners.id, minerId), minerScope(scope)))
    .orderBy(sql`${edgeDevices.createdAt} desc`)
    .limit(1);
  return row ? { publicKey: row.publicKey!, keyVersion: row.keyVersion!, siteId: row.siteId, nextCounter: (row.counter ?? 0) + 1 } : null;
}
