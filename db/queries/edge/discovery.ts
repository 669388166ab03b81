import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Writer } from '@/lib/core/principal';
import { type Db, queryRows } from '../../client';
import { edgeDiscoveredMiners, minerModels, miners, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { pgArray } from '../pg-array';
import { siteScope } from '../scope';

export type AddOutcome =
  | { ip: string; port: number; status: 'created'; minerId: string }
  | { ip: string; port: number; status: 'conflict'; field: 'mac' | 'address' | 'ip'; minerId: string | null; minerName: string | null };

const upperMac = (m: string) => m.toUpperCase().replaceAll('-', ':');

/**
 * Adds scanned machines to a site as hosting miners, in one transaction. A machine the site already
 * has (same MAC, same discovered host:port, or the same IP on the standard port) — or a repeat within
 * the selection — is not created but reported as a conflict naming the existing miner; the rest are
 * created, flagged as discovered (host:port, so the collector's readings match them even on
 * non-standard ports) and audited as one entry. Serialised with ingest's own auto-discovery per site.
 */
/** A miner a discovery scan answered from (lib/edge/discovery's DiscoveredMiner fits it). */
export type FoundMiner = { ip: string; port: number; vendor: string; model: string | null; firmware: string | null; macAddress: string | null };

export async function addDiscoveredMiners(db: Db, who: Writer, siteId: string, found: FoundMiner[]): Promise<AddOutcome[]> {
  return db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.id, siteId), siteScope(who.scope)));
    if (!site) throw new AppError('NOT_FOUND');
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`edge-discover:${siteId}`}))`);

    const macs = found.flatMap((f) => (f.macAddress ? [upperMac(f.macAddress), upperMac(f.macAddress).toLowerCase()] : []));
    const ips = found.filter((f) => f.port === 4028).map((f) => f.ip);
    const existing = await queryRows<{ key: string; id: string; name: string }>(
      tx,
      sql`select 'mac:' || upper(m.mac_address) as key, m.id, m.name from ${miners} m
            where m.site_id = ${siteId} and m.mac_address = any(${pgArray(macs)}::text[])
          union all
          select 'hp:' || d.host || ':' || d.port, m.id, m.name from ${edgeDiscoveredMiners} d join ${miners} m on m.id = d.miner_id
            where m.site_id = ${siteId} and (d.host, d.port) in (select * from unnest(${pgArray(found.map((f) => f.ip))}::text[], ${pgArray(found.map((f) => f.port))}::int[]))
          union all
          select 'ip:' || host(m.ip_address), m.id, m.name from ${miners} m
            where m.site_id = ${siteId} and m.ip_address = any(${pgArray(ips)}::inet[])`,
    );
    const taken = new Map(existing.map((r) => [r.key, r as { id: string | null; name: string | null }]));

    const models = await tx.select({ id: minerModels.id, name: minerModels.name }).from(minerModels);
    const modelId = async (f: FoundMiner) => {
      const name = f.model?.trim() || 'Unknown miner';
      const known = models.find((m) => m.name.toLowerCase() === name.toLowerCase());
      if (known) return known.id;
      // A model the catalogue lacks: nominal figures unknown until its first reading (as ingest does).
      await tx.insert(minerModels).values({ vendor: f.vendor, name, hashrateThs: '0', powerW: 0 }).onConflictDoNothing({ target: minerModels.name });
      const [row] = await tx.select({ id: minerModels.id, name: minerModels.name }).from(minerModels).where(eq(minerModels.name, name));
      models.push(row!);
      return row!.id;
    };

    const outcomes: AddOutcome[] = [];
    const created: { id: string; name: string; ip: string; port: number }[] = [];
    for (const f of found) {
      const mac = f.macAddress ? upperMac(f.macAddress) : null;
      const keys: [string, 'mac' | 'address' | 'ip'][] = [[`hp:${f.ip}:${f.port}`, 'address']];
      if (mac) keys.unshift([`mac:${mac}`, 'mac']);
      if (f.port === 4028) keys.push([`ip:${f.ip}`, 'ip']);
      const clash = keys.find(([k]) => taken.has(k));
      if (clash) {
        const other = taken.get(clash[0])!;
        outcomes.push({ ip: f.ip, port: f.port, status: 'conflict', field: clash[1], minerId: other.id, minerName: other.name });
        continue;
      }
      const id = randomUUID();
      const name = `${f.model?.trim() || 'Miner'} ${f.ip}:${f.port}`;
      await tx.insert(miners).values({ id, orgId: who.orgId, siteId, modelId: await modelId(f), name, ipAddress: f.port === 4028 ? f.ip : null, macAddress: mac, status: 'active' });
      await tx.insert(edgeDiscoveredMiners).values({ minerId: id, deviceId: null, host: f.ip, port: f.port });
      for (const [k] of keys) taken.set(k, { id, name });
      created.push({ id, name, ip: f.ip, port: f.port });
      outcomes.push({ ip: f.ip, port: f.port, status: 'created', minerId: id });
    }
    if (created.length) {
      await recordAudit(tx, {
        orgId: who.orgId,
        actorUserId: who.userId,
        action: 'miner.discovery_add',
        entityType: 'miner',
        entityId: created.length === 1 ? created[0]!.id : `batch:${created[0]!.id}+${created.length}`,
        siteIds: [siteId],
        before: null,
        after: { siteId, miners: created },
      });
    }
    return outcomes;
  });
}
