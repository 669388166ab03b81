import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { miners, minerTelemetryLive, sites } from '../../schema';
import { minerScope, siteScope } from '../scope';
import type { Scope } from '@/lib/core/scope';

type AdminStatus = 'active' | 'offline' | 'maintenance' | 'sold';

/**
 * One site's miners for the rack map as parallel arrays (one entry per miner, same index in each):
 * 6,000 miners travel as a few arrays, not 6,000 objects. Figures are null where there is no reading;
 * `ageS` is the live reading's age in seconds at `asOf`.
 */
export type RackMapData = {
  /** layoutPattern: the site's saved naming pattern, null for the default. */
  site: { id: string; name: string; layoutPattern: string | null };
  asOf: string;
  ids: string[];
  names: string[];
  status: AdminStatus[];
  ageS: (number | null)[];
  online: (boolean | null)[];
  chipC: (number | null)[];
  hashrateThs: (number | null)[];
  nominalThs: (number | null)[];
};

/**
 * The rack map of a site the scope may see, or null (unknown site, another organization's, a site
 * outside the scope). Miners are filtered by the same scope: a CLIENT gets only its own machines.
 * The nominal rate is the miner's reported one, else its model's.
 */
export async function getRackMap(db: Db, scope: Scope, siteId: string, now = new Date()): Promise<RackMapData | null> {
  const [site] = await db
    .select({ id: sites.id, name: sites.name, layoutPattern: sites.layoutPattern })
    .from(sites)
    .where(and(eq(sites.id, siteId), siteScope(scope)));
  if (!site) return null;
  const rows = await db
    .select({
      id: miners.id,
      name: miners.name,
      status: miners.status,
      ageS: sql<number | null>`floor(extract(epoch from (${now.toISOString()}::timestamptz - ${minerTelemetryLive.collectedAt})))::int`,
      online: minerTelemetryLive.online,
      chipC: minerTelemetryLive.tempChipMaxC,
      hashrateThs: minerTelemetryLive.hashrateAvgThs,
      nominalThs: sql<number | null>`coalesce(${minerTelemetryLive.hashrateNominalThs}, (select mm.hashrate_ths::float8 from miner_models mm where mm.id = ${miners.modelId}))`,
    })
    .from(miners)
    .leftJoin(minerTelemetryLive, eq(minerTelemetryLive.minerId, miners.id))
    .where(and(eq(miners.siteId, site.id), minerScope(scope)))
    .orderBy(asc(miners.name));
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    site,
    asOf: now.toISOString(),
    ids: rows.map((r) => r.id),
    names: rows.map((r) => r.name),
    status: rows.map((r) => r.status),
    ageS: rows.map((r) => num(r.ageS)),
    online: rows.map((r) => r.online),
    chipC: rows.map((r) => num(r.chipC)),
    hashrateThs: rows.map((r) => num(r.hashrateThs)),
    nominalThs: rows.map((r) => num(r.nominalThs)),
  };
}
