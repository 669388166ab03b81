import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { queryRows } from '../../client';
import { minerModels, miners, siteLayoutPositions, sites } from '../../schema';
import { minerScope, siteScope } from '../scope';
import { type MeasuredColumns, measuredJoins, measuredWith } from '../telemetry/operational-state';
import type { Scope } from '@/lib/core/scope';
import type { Position } from '@/lib/domain/hosting/rack-layout';
import type { OperationalState } from '@/lib/domain/telemetry/operational-state';

type AdminStatus = 'active' | 'offline' | 'maintenance' | 'sold';

/**
 * One site's miners for the rack map as parallel arrays (one entry per miner, same index in each):
 * 6,000 miners travel as a few arrays, not 6,000 objects. `state` is the measured operational state;
 * the figures are measured ones only (null where the miner has no current reading: the map never
 * colours a nameplate figure as if it were read).
 */
export type RackMapData = {
  /**
   * layoutPattern: the saved naming pattern, null for the default. layout: 'imported' while the site
   * has a layout imported from CSV (then `places` holds each miner's position, null if the sheet left
   * it out), else 'pattern' (`places` null: the page reads the names).
   */
  site: { id: string; name: string; layoutPattern: string | null; layout: 'pattern' | 'imported'; importedPositions: number };
  asOf: string;
  ids: string[];
  names: string[];
  status: AdminStatus[];
  state: OperationalState[];
  chipC: (number | null)[];
  hashrateThs: (number | null)[];
  nominalThs: (number | null)[];
  powerW: (number | null)[];
  places: (Position | null)[] | null;
};

type Row = Pick<MeasuredColumns, 'state' | 'hashrate_ths' | 'hashrate_source' | 'power_w' | 'power_source' | 'temp_chip_max_c'> & {
  id: string;
  name: string;
  status: AdminStatus;
  nominal_ths: number | string | null;
  room: string | null;
  row_no: number | null;
  rack: number | null;
  slot: number | null;
};

/**
 * The rack map of a site the scope may see, or null (unknown site, another organization's, a site
 * outside the scope). Miners are filtered by the same scope: a CLIENT gets only its own machines.
 * State and figures come from the measured-state SQL (telemetry, else the pool, else unknown); the
 * nominal rate is the miner's reported one, else its model's times the quantity.
 */
export async function getRackMap(db: Db, scope: Scope, siteId: string, now = new Date()): Promise<RackMapData | null> {
  const [site] = await db
    .select({
      id: sites.id,
      name: sites.name,
      layoutPattern: sites.layoutPattern,
      importedPositions: sql<number>`(select count(*) from ${siteLayoutPositions} where ${siteLayoutPositions.siteId} = ${sites.id})::int`,
    })
    .from(sites)
    .where(and(eq(sites.id, siteId), siteScope(scope)));
  if (!site) return null;
  const rows = await queryRows<Row>(
    db,
    sql`with ${measuredWith(now, scope.orgId)}
      select "miners"."id" as id, "miners"."name" as name, "miners"."status"::text as status,
        st.state, ms.hashrate_ths, ms.hashrate_source, ms.power_w, ms.power_source, ms.temp_chip_max_c,
        coalesce(lv.hashrate_nominal_ths, "miner_models"."hashrate_ths"::float8 * "miners"."quantity")::float8 as nominal_ths,
        lp.room, lp.row_no, lp.rack, lp.slot
      from ${miners} join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      ${measuredJoins(now, scope.orgId)}
      left join ${siteLayoutPositions} lp on lp.site_id = "miners"."site_id" and lp.miner_id = "miners"."id"
      where ${miners.siteId} = ${site.id}::uuid and ${minerScope(scope)}
      order by "miners"."name", "miners"."id"`,
  );
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  const importedPositions = Number(site.importedPositions);
  return {
    site: { ...site, importedPositions, layout: importedPositions > 0 ? 'imported' : 'pattern' },
    asOf: now.toISOString(),
    ids: rows.map((r) => r.id),
    names: rows.map((r) => r.name),
    status: rows.map((r) => r.status),
    state: rows.map((r) => r.state as OperationalState),
    chipC: rows.map((r) => num(r.temp_chip_max_c)),
    // Only what was read: a nameplate stand-in (an unknown miner assumed to hash) is no reading.
    hashrateThs: rows.map((r) => (r.hashrate_source === 'nameplate' ? null : num(r.hashrate_ths))),
    nominalThs: rows.map((r) => num(r.nominal_ths)),
    powerW: rows.map((r) => (r.power_source === 'telemetry' ? num(r.power_w) : null)),
    places: importedPositions > 0 ? rows.map((r) => (r.rack === null || r.slot === null ? null : { room: r.room ?? '', row: r.row_no, rack: r.rack, slot: r.slot })) : null,
  };
}
