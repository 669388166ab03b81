import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../client';
import { edgeDevices, minerModels, miners, minerTelemetryLive, organizations, sites } from '../../schema';

/** The demo organization's miners on the floor, with their model and newest reading: what the live demo collector simulates. */
export async function demoLiveMiners(db: Db, orgSlug: string) {
  return db
    .select({
      id: miners.id,
      orgId: miners.orgId,
      siteId: miners.siteId,
      mac: miners.macAddress,
      ip: miners.ipAddress,
      model: minerModels.name,
      nominalThs: minerModels.hashrateThs,
      powerW: minerModels.powerW,
      online: minerTelemetryLive.online,
      hashrateThs: minerTelemetryLive.hashrate5sThs,
    })
    .from(miners)
    .innerJoin(organizations, eq(organizations.id, miners.orgId))
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .leftJoin(minerTelemetryLive, eq(minerTelemetryLive.minerId, miners.id))
    .where(and(eq(organizations.slug, orgSlug), ne(miners.status, 'sold')))
    .orderBy(asc(miners.siteId), asc(miners.name));
}

/** Revokes an earlier run's tokens of this name, so the collectors list shows one live demo collector per site. */
export async function revokeDeviceTokensNamed(db: Db, orgId: string, name: string): Promise<void> {
  await db.update(edgeDevices).set({ revokedAt: new Date() }).where(and(eq(edgeDevices.orgId, orgId), eq(edgeDevices.name, name), isNull(edgeDevices.revokedAt)));
}

export async function siteIdsOf(db: Db, orgId: string): Promise<string[]> {
  return (await db.select({ id: sites.id }).from(sites).where(eq(sites.orgId, orgId))).map((r) => r.id);
}
