import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type { TelemetryRecord } from '@/lib/validation/edge';
import type { Db } from '../../client';
import { edgeDiscoveredMiners, minerModels, miners } from '../../schema';

type Device = { id: string; orgId: string; siteId: string };

/** A miner's identity on its site: MAC when reported, else host:port (loopback farms share one IP). */
export const normalMac = (mac: string) => mac.toLowerCase().replaceAll('-', ':');
export const identityOf = (r: TelemetryRecord) => (r.mac_address ? `mac:${normalMac(r.mac_address)}` : `hp:${r.ip}:${r.port}`);

const isIp = (s: string) => isIP(s) !== 0;
/**
 * The address a reading's miner owns, if any: only a literal IP on the standard RPC port says "the
 * miner at this IP" (simulators share 127.0.0.1); a zone index (fe80::1%eth0) is no inet value.
 */
export const staticIp = (r: TelemetryRecord) => (r.port === 4028 && isIp(r.ip) && !r.ip.includes('%') ? r.ip : null);

/** Serialises the creation of discovered machines on a site for the rest of the transaction. */
export async function lockSiteDiscovery(tx: Db, siteId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`edge-discover:${siteId}`}))`);
}

/**
 * Creates, flagged as discovered, a miner for each machine among these readings, which the ingest
 * statement could not resolve on the device's site (telemetry-ingest.ts owns the resolution rule).
 * Call it under lockSiteDiscovery, in the transaction that then writes the upload.
 */
export async function createDiscoveredMiners(tx: Db, device: Device, unknown: TelemetryRecord[]): Promise<void> {
  const fresh = new Map<string, TelemetryRecord>();
  for (const r of unknown) fresh.set(identityOf(r), r);
  if (!fresh.size) return;

  const models = await tx.select({ id: minerModels.id, name: minerModels.name }).from(minerModels);
  const modelId = async (r: TelemetryRecord) => {
    const name = r.model?.trim() || 'Unknown miner';
    const found = models.find((m) => m.name.toLowerCase() === name.toLowerCase());
    if (found) return found.id;
    // The catalogue needs nominal figures; the reading's own are the best known, 0 where it had none.
    const [row] = await tx
      .insert(minerModels)
      .values({ vendor: r.vendor ?? 'unknown', name, hashrateThs: String(r.hashrate_nominal_ths ?? 0), powerW: Math.round(r.power_w ?? 0) })
      .onConflictDoNothing({ target: minerModels.name })
      .returning({ id: minerModels.id, name: minerModels.name });
    const created = row ?? (await tx.select({ id: minerModels.id, name: minerModels.name }).from(minerModels).where(eq(minerModels.name, name)))[0]!;
    models.push(created);
    return created.id;
  };

  // No miner of the site owns these readings' static IPs (the statement would have matched it), but
  // two new machines of one upload may report the same one: the first takes it (one IP, one miner).
  const usedIps = new Set<string>();
  const newMiners: (typeof miners.$inferInsert)[] = [];
  const flags: (typeof edgeDiscoveredMiners.$inferInsert)[] = [];
  for (const r of fresh.values()) {
    const id = randomUUID();
    const ip = staticIp(r);
    const ownsIp = ip !== null && !usedIps.has(ip);
    if (ownsIp) usedIps.add(ip);
    newMiners.push({
      id,
      orgId: device.orgId,
      siteId: device.siteId,
      modelId: await modelId(r),
      name: `${r.model?.trim() || 'Miner'} ${r.ip}:${r.port}`,
      ipAddress: ownsIp ? r.ip : null,
      macAddress: r.mac_address ? normalMac(r.mac_address) : null,
      status: r.online ? 'active' : 'offline',
    });
    flags.push({ minerId: id, deviceId: device.id, host: r.ip, port: r.port });
  }
  await tx.insert(miners).values(newMiners);
  await tx.insert(edgeDiscoveredMiners).values(flags);
}
