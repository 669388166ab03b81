import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { TelemetryRecord } from '@/lib/validation/edge';
import { type Db, queryRows } from '../client';
import { edgeDiscoveredMiners, minerModels, miners } from '../schema';

type Device = { id: string; orgId: string; siteId: string };

/** A miner's identity on its site: MAC when reported, else host:port (loopback farms share one IP). */
export const identityOf = (r: TelemetryRecord) => (r.mac_address ? `mac:${r.mac_address.toLowerCase().replaceAll('-', ':')}` : `hp:${r.ip}:${r.port}`);

async function siteIndex(db: Db, siteId: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; mac: string | null; ip: string | null; host: string | null; port: number | null }>(
    db,
    sql`select m.id, lower(m.mac_address) as mac, host(m.ip_address) as ip, d.host, d.port
        from ${miners} m left join ${edgeDiscoveredMiners} d on d.miner_id = m.id where m.site_id = ${siteId}`,
  );
  const index = new Map<string, string>();
  for (const r of rows) {
    if (r.ip) index.set(`hp:${r.ip}:4028`, r.id);
    if (r.host && r.port) index.set(`hp:${r.host}:${r.port}`, r.id);
    if (r.mac) index.set(`mac:${r.mac}`, r.id);
  }
  return index;
}

const lookup = (index: Map<string, string>, r: TelemetryRecord) => index.get(identityOf(r)) ?? index.get(`hp:${r.ip}:${r.port}`);

/**
 * Miner ids for the records, all on the device's site. Records of machines the site does not know
 * create miners flagged as discovered. Creation is serialised per site (advisory lock) so two
 * uploads cannot create the same machine twice. Must run inside the ingest transaction.
 */
export async function resolveMiners(tx: Db, device: Device, records: TelemetryRecord[]): Promise<string[]> {
  let index = await siteIndex(tx, device.siteId);
  if (records.every((r) => lookup(index, r))) return records.map((r) => lookup(index, r)!);

  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`edge-discover:${device.siteId}`}))`);
  index = await siteIndex(tx, device.siteId);
  const fresh = new Map<string, TelemetryRecord>();
  for (const r of records) if (!lookup(index, r)) fresh.set(identityOf(r), r);

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

  const usedIps = new Set([...index.keys()].filter((k) => k.endsWith(':4028')));
  const newMiners: (typeof miners.$inferInsert)[] = [];
  const flags: (typeof edgeDiscoveredMiners.$inferInsert)[] = [];
  for (const [key, r] of fresh) {
    const id = randomUUID();
    // Only a standard RPC port means "this IP is that machine"; simulators share 127.0.0.1.
    const ownsIp = r.port === 4028 && !usedIps.has(`hp:${r.ip}:4028`);
    if (ownsIp) usedIps.add(`hp:${r.ip}:4028`);
    newMiners.push({
      id,
      orgId: device.orgId,
      siteId: device.siteId,
      modelId: await modelId(r),
      name: `${r.model?.trim() || 'Miner'} ${r.ip}:${r.port}`,
      ipAddress: ownsIp ? r.ip : null,
      macAddress: r.mac_address ? r.mac_address.toLowerCase().replaceAll('-', ':') : null,
      status: r.online ? 'active' : 'offline',
    });
    flags.push({ minerId: id, deviceId: device.id, host: r.ip, port: r.port });
    index.set(key, id);
    index.set(`hp:${r.ip}:${r.port}`, id);
  }
  if (newMiners.length) {
    await tx.insert(miners).values(newMiners);
    await tx.insert(edgeDiscoveredMiners).values(flags);
  }
  return records.map((r) => lookup(index, r)!);
}
