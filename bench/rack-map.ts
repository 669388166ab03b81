import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/db/client';
import { getRackMap } from '@/db/queries/hosting/rack-map';
import { scopeFor } from '@/lib/core/scope';
import { DEFAULT_LAYOUT_PATTERN, layoutFleet, MAP_METRICS, mapBand, parseLayoutPattern } from '@/lib/domain/hosting/rack-layout';
import { time } from './timing';

/**
 * The rack map's server side: the largest demo site's miners with their measured state and figures
 * (one statement), and laying out and banding all 6,000 demo miners as one map would.
 */
export async function benchRackMap(db: Db, orgId: string, runs = 10) {
  const scope = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
  const [site] = await queryRows<{ id: string; n: number }>(db, sql`select site_id as id, count(*)::int as n from miners where org_id = ${orgId}::uuid group by site_id order by 2 desc limit 1`);
  const names = (await queryRows<{ name: string }>(db, sql`select name from miners where org_id = ${orgId}::uuid`)).map((r) => r.name);
  const pattern = parseLayoutPattern(DEFAULT_LAYOUT_PATTERN);
  if (!pattern.ok) throw new Error('default pattern');
  const reading = { state: 'online', chipC: 80, hashrateThs: 190, nominalThs: 200, powerW: 3500 } as const;
  return [
    { case: `rack map: ${site!.n} miners of one site, measured`, ...(await time(() => getRackMap(db, scope, site!.id), runs, { digits: 1 })) },
    {
      case: `rack map: lay out and band ${names.length} positions`,
      ...(await time(() => {
        layoutFleet(pattern.pattern, names);
        for (const m of MAP_METRICS) for (let i = 0; i < names.length; i++) mapBand(m, reading);
      }, runs, { digits: 1 })),
    },
  ];
}
