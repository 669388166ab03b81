import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type { TelemetryRecord } from '@/lib/validation/edge';
import { type Db, queryRows } from '../client';
import { edgeDiscoveredMiners, minerModels, miners } from '../schema';
import { pgArray } from './pg-array';

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

/**
 * The site's miners that these records could be, as an identity → id index. Only the batch's own
 * identities are looked up (index probes), so the cost follows the upload, not the site: first by
 * MAC (in any case: forms store it upper-case, ingest lower-case), then — only for records still
 * unmatched — by a discovered miner's host:port, or by IP on the standard port.
 */
async function batchIndex(db: Db, siteId: string, records: TelemetryRecord[]): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  const macs = new Set<string>();
  for (const r of records) if (r.mac_address) macs.add(normalMac(r.mac_address));
  if (macs.size) {
    const rows = await queryRows<{ mac: string; id: string }>(
      db,
      sql`select lower(m.mac_address) as mac, m.id from ${miners} m
          where m.site_id = ${siteId} and m.mac_address is not null and lower(m.mac_address) = any(${pgArray([...macs])}::text[])`,
    );
    for (const r of rows) index.set(`mac:${r.mac}`, r.id);
  }
  const rest = records.filter((r) => !index.has(identityOf(r)));
  if (!rest.length) return index;

  const ips = [...new Set(rest.map(staticIp).filter((ip) => ip !== null))];
  const rows = await queryRows<{ key: string; id: string; rank: number }>(
    db,
    sql`select 'hp:' || d.host || ':' || d.port as key, m.id, 0 as rank
          from ${edgeDiscoveredMiners} d join ${miners} m on m.id = d.miner_id
          where m.site_id = ${siteId}
            and (d.host, d.port) in (select * from unnest(${pgArray(rest.map((r) => r.ip))}::text[], ${pgArray(rest.map((r) => r.port))}::int[]))
        union all
        select 'hp:' || host(m.ip_address) || ':4028', m.id, 1 from ${miners} m
          where m.site_id = ${siteId} and m.ip_address = any(${pgArray(ips)}::inet[])
        order by rank desc`,
  );
  // Ranked so a discovered miner's own host:port wins over another miner's static IP.
  for (const r of rows) index.set(r.key, r.id);
  return index;
}

const lookup = (index: Map<string, string>, r: TelemetryRecord) => index.get(identityOf(r)) ?? index.get(`hp:${r.ip}:${r.port}`);

/**
 * Creates, flagged as discovered, the machines of these records that the device's site does not
 * know; the caller then writes the upload in the same transaction. Creation is serialised per site
 * (advisory lock) so two uploads cannot create the same machine twice. The look-up here follows
 * the same order as the ingest statement's (MAC, discovered host:port, static IP), so every record
 * resolves there afterwards.
 */
export async function createUnknownMiners(tx: Db, device: Device, records: TelemetryRecord[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`edge-discover:${device.siteId}`}))`);
  const index = await batchIndex(tx, device.siteId, records);
  const fresh = new Map<string, TelemetryRecord>();
  for (const r of records) if (!lookup(index, r)) fresh.set(identityOf(r), r);
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

  const usedIps = new Set([...index.keys()].filter((k) => k.endsWith(':4028')));
  const newMiners: (typeof miners.$inferInsert)[] = [];
  const flags: (typeof edgeDiscoveredMiners.$inferInsert)[] = [];
  for (const r of fresh.values()) {
    const id = randomUUID();
    const ownsIp = staticIp(r) !== null && !usedIps.has(`hp:${r.ip}:4028`);
    if (ownsIp) usedIps.add(`hp:${r.ip}:4028`);
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
