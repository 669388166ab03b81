import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { queryRows } from '../../client';
import { customers, minerModels, miners, sites } from '../../schema';
import { offsetOf, type Page, type PageRequest, toPage } from '../pagination';
import { assignableCustomerScope, minerScope } from '../scope';
import type { Scope } from '@/lib/core/scope';
import type { IpRange } from '@/lib/domain/hosting/ip-range';
import { OPERATIONAL_STATES, type OperationalState } from '@/lib/domain/telemetry/operational-state';
import { type MeasuredColumns, measuredJoins, measuredSelect, measuredWith, type MinerMeasure, toMeasure } from '../telemetry/operational-state';
import { toUptime, type UptimeColumns, uptimeJoins, uptimeSelect } from '../telemetry/uptime';
import type { Uptime } from '@/lib/domain/telemetry/uptime';

/**
 * The largest page that gets uptime: its lookups are per miner (three index probes each), and over a
 * 10,000-row export the planner prices them past jit_optimize_above_cost — 7 s of JIT compilation.
 */
export const UPTIME_PAGE_MAX = 500;

export type MinerStatus = (typeof miners.status.enumValues)[number];
export type MinerSort = 'name' | 'model' | 'site' | 'customer' | 'status' | 'ip' | 'state' | 'hashrate' | 'chip' | 'power' | 'seen';
/** `status` is the state people set; `state` the measured one (lib/domain/telemetry/operational-state.ts). */
export type MinerFilter = { q?: string; siteId?: string; customerId?: string | 'none'; modelId?: number; status?: MinerStatus; state?: OperationalState; ip?: IpRange };
export type MinerListRequest = PageRequest & { sort?: MinerSort; dir?: 'asc' | 'desc' };
export type StatusCounts = { all: number; active: number; offline: number; maintenance: number; sold: number };
export type StateCounts = Record<OperationalState, number>;

export type MinerRow = {
  id: string;
  name: string;
  serial: string | null;
  ipAddress: string | null;
  macAddress: string | null;
  workerName: string | null;
  status: MinerStatus;
  quantity: number;
  siteId: string;
  siteName: string;
  customerId: string | null;
  customerName: string | null;
  modelId: number;
  modelName: string;
  /** The model's nameplate figures, per unit. */
  hashrateThs: string;
  powerW: number;
  /** What the miner is doing now and its measured figures, each with its source. */
  measured: Omit<MinerMeasure, 'minerId'>;
  /** Its 24 h uptime, with the source it was measured from (lib/domain/telemetry/uptime.ts); null on pages over UPTIME_PAGE_MAX rows. */
  uptime: Uptime | null;
};

const escapeLike = (q: string) => `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

/**
 * Quick search: a fragment of name, serial, MAC, worker or IP (one trigram-indexed column,
 * miners.search_text), or of the customer's name. The customers are matched first, so both arms
 * are conditions on `miners` that PostgreSQL answers with a BitmapOr of two indexes instead of
 * scanning every row through the join.
 */
function quickSearch(orgId: string, q: string): SQL {
  const like = escapeLike(q.toLowerCase());
  return or(
    sql`${miners.searchText} like ${like}`,
    sql`${miners.customerId} = any(array(select c.id from ${customers} c where c.org_id = ${orgId} and c.name ilike ${like}))`,
  )!;
}

/** Every filter except status: the status counts are taken over this set, so the tabs show what each status would give. */
export function filterWhere(scope: Scope, f: MinerFilter): SQL {
  const q = f.q?.trim();
  return and(
    minerScope(scope),
    f.siteId ? eq(miners.siteId, f.siteId) : undefined,
    f.customerId === 'none' ? sql`${miners.customerId} is null` : f.customerId ? eq(miners.customerId, f.customerId) : undefined,
    f.modelId ? eq(miners.modelId, f.modelId) : undefined,
    f.ip?.kind === 'cidr' ? sql`${miners.ipAddress} <<= ${f.ip.cidr}::inet` : undefined,
    f.ip?.kind === 'range' ? sql`${miners.ipAddress} between ${f.ip.from}::inet and ${f.ip.to}::inet` : undefined,
    q ? quickSearch(scope.orgId, q) : undefined,
  )!;
}

/**
 * Sort keys, taken in the narrow CTE over every filtered miner; `join` is what the key needs beyond
 * miners, miner_models and the measured joins (nothing else is joined for 10,000 rows).
 */
const SORT_KEY: Record<MinerSort, { key: SQL; join?: SQL }> = {
  name: { key: sql`${miners.name}` },
  model: { key: sql`${minerModels.name}` },
  site: { key: sql`${sites.name}`, join: sql`inner join ${sites} on ${sites.id} = ${miners.siteId}` },
  customer: { key: sql`${customers.name}`, join: sql`left join ${customers} on ${customers.id} = ${miners.customerId}` },
  status: { key: sql`${miners.status}::text` },
  ip: { key: sql`${miners.ipAddress}` },
  state: { key: sql`array_position(array['overheating', 'offline', 'sleeping', 'unknown', 'online'], st.state)` },
  hashrate: { key: sql`ms.hashrate_ths` },
  chip: { key: sql`ms.temp_chip_max_c` },
  power: { key: sql`ms.power_w` },
  seen: { key: sql`st.last_seen_at` },
};

type RawRow = StatusCounts & { [K in OperationalState as `s_${K}`]: number } & MeasuredColumns & Partial<UptimeColumns> & {
  id: string | null;
  name: string;
  serial: string | null;
  ip_address: string | null;
  mac_address: string | null;
  worker_name: string | null;
  status: MinerStatus;
  quantity: number;
  site_id: string;
  site_name: string;
  customer_id: string | null;
  customer_name: string | null;
  model_id: number;
  model_name: string;
  nameplate_ths: string;
  nameplate_w: number;
};

/**
 * The miner list in ONE statement. `f` is the filtered set, narrow (id, status, state, sort key) so
 * the pass over 10,000 miners joins only what the counts and the sort need; `c` counts it per status
 * and per state with FILTER; `p` picks the page's ids; only the page's rows are joined for display
 * and get their measured figures (the same measured joins) and uptime, over 50 rows. The counts come from a
 * one-row CTE left-joined to the page, so a page past the end still returns them.
 */
export async function listMiners(
  db: Db,
  scope: Scope,
  filter: MinerFilter,
  req: MinerListRequest,
  now = new Date(),
): Promise<Page<MinerRow> & { counts: StatusCounts; stateCounts: StateCounts }> {
  const dir = sql.raw(req.dir === 'desc' ? 'desc' : 'asc');
  const sort = SORT_KEY[req.sort ?? 'name'];
  const statusCond = filter.status ? sql`status = ${filter.status}` : sql`true`;
  const stateCond = filter.state ? sql`state = ${filter.state}` : sql`true`;
  const withUptime = req.pageSize <= UPTIME_PAGE_MAX;
  const rows = await queryRows<RawRow>(
    db,
    sql`with ${measuredWith(now, scope.orgId)}, f as (
      select ${miners.id} as id, ${miners.status}::text as status, ${miners.name} as name, ${sort.key} as sort_key, st.state
      from ${miners}
      inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      ${sort.join ?? sql``}
      ${measuredJoins(now, scope.orgId)}
      where ${filterWhere(scope, filter)}
    ), c as (
      select count(*) filter (where ${stateCond})::int as "all",
        (count(*) filter (where status = 'active' and ${stateCond}))::int as active,
        (count(*) filter (where status = 'offline' and ${stateCond}))::int as offline,
        (count(*) filter (where status = 'maintenance' and ${stateCond}))::int as maintenance,
        (count(*) filter (where status = 'sold' and ${stateCond}))::int as sold,
        ${sql.join(
          OPERATIONAL_STATES.map((s) => sql`(count(*) filter (where state = ${s} and ${statusCond}))::int as ${sql.identifier(`s_${s}`)}`),
          sql`, `,
        )}
      from f
    ), p as (
      select f.id, f.sort_key, f.name from f
      where ${statusCond} and ${stateCond} order by f.sort_key ${dir} nulls last, f.name ${dir}, f.id limit ${req.pageSize} offset ${offsetOf(req)}
    )
    select c.*, ${measuredSelect}, ${withUptime ? sql`${uptimeSelect},` : sql``}
      ${miners.id} as id, ${miners.name} as name, ${miners.serial} as serial, host(${miners.ipAddress}) as ip_address,
      ${miners.macAddress} as mac_address, ${miners.workerName} as worker_name, ${miners.status}::text as status, ${miners.quantity} as quantity,
      ${miners.siteId} as site_id, ${sites.name} as site_name, ${miners.customerId} as customer_id, ${customers.name} as customer_name,
      ${miners.modelId} as model_id, ${minerModels.name} as model_name, ${minerModels.hashrateThs}::text as nameplate_ths, ${minerModels.powerW} as nameplate_w
    from c
    left join p on true
    left join ${miners} on ${miners.id} = p.id
    left join ${sites} on ${sites.id} = ${miners.siteId}
    left join ${minerModels} on ${minerModels.id} = ${miners.modelId}
    left join ${customers} on ${customers.id} = ${miners.customerId}
    ${measuredJoins(now, scope.orgId)}
    ${withUptime ? uptimeJoins(now) : sql``}
    order by p.sort_key ${dir} nulls last, p.name ${dir}, p.id`,
  );
  const first = rows[0];
  const counts: StatusCounts = { all: first?.all ?? 0, active: first?.active ?? 0, offline: first?.offline ?? 0, maintenance: first?.maintenance ?? 0, sold: first?.sold ?? 0 };
  const stateCounts = Object.fromEntries(OPERATIONAL_STATES.map((s) => [s, first?.[`s_${s}`] ?? 0])) as StateCounts;
  const total = filter.status ? counts[filter.status] : filter.state ? stateCounts[filter.state] : counts.all;
  const page = rows.filter((r) => r.id !== null).map((r) => toMinerRow(r, now));
  return { ...toPage(page, total, req), counts, stateCounts };
}

const toMinerRow = (r: RawRow, now: Date): MinerRow => ({
  id: r.id!,
  name: r.name,
  serial: r.serial,
  ipAddress: r.ip_address,
  macAddress: r.mac_address,
  workerName: r.worker_name,
  status: r.status,
  quantity: r.quantity,
  siteId: r.site_id,
  siteName: r.site_name,
  customerId: r.customer_id,
  customerName: r.customer_name,
  modelId: r.model_id,
  modelName: r.model_name,
  hashrateThs: r.nameplate_ths,
  powerW: r.nameplate_w,
  measured: (({ minerId: _, ...m }) => m)(toMeasure({ ...r, id: r.id! })),
  uptime: r.ut_h_buckets === undefined ? null : toUptime(r as RawRow & UptimeColumns, now),
});

const minerDetail = {
  id: miners.id,
  name: miners.name,
  serial: miners.serial,
  ipAddress: sql<string | null>`host(${miners.ipAddress})`,
  macAddress: miners.macAddress,
  workerName: miners.workerName,
  status: miners.status,
  quantity: miners.quantity,
  siteId: miners.siteId,
  siteName: sites.name,
  customerId: miners.customerId,
  customerName: customers.name,
  modelId: miners.modelId,
  modelName: minerModels.name,
  vendor: minerModels.vendor,
  hashrateThs: minerModels.hashrateThs,
  powerW: minerModels.powerW,
  cooling: minerModels.cooling,
  createdAt: miners.createdAt,
  updatedAt: miners.updatedAt,
};

/** The electricity prices the host pays: the miner's own and its site's. */
const hostCosts = { electricityUsdPerKwhOverride: miners.electricityUsdPerKwhOverride, siteUsdPerKwh: sites.electricityUsdPerKwh };

/**
 * A miner by id, or null when it does not exist or lies outside the scope (the caller answers 404
 * for both). The electricity prices are selected only with `hostCosts`: a customer's page and API
 * answer never carry them, not even unused.
 */
export async function getMiner(db: Db, scope: Scope, id: string, view: { hostCosts: boolean }) {
  const selection: typeof minerDetail & Partial<typeof hostCosts> = view.hostCosts ? { ...minerDetail, ...hostCosts } : minerDetail;
  const [row] = await db
    .select(selection)
    .from(miners)
    .innerJoin(sites, eq(sites.id, miners.siteId))
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .leftJoin(customers, eq(customers.id, miners.customerId))
    .where(and(minerScope(scope), eq(miners.id, id)))
    .limit(1);
  return row ?? null;
}

/** The model catalogue for the filter: every model, with how many miners in scope run it. */
export async function listMinerModels(db: Db, scope: Scope) {
  return queryRows<{ id: number; vendor: string; name: string; hashrate_ths: string; power_w: number; miners: number }>(
    db,
    sql`select ${minerModels.id} as id, ${minerModels.vendor} as vendor, ${minerModels.name} as name, ${minerModels.hashrateThs}::text as hashrate_ths, ${minerModels.powerW} as power_w,
      (select count(*)::int from ${miners} where ${miners.modelId} = ${minerModels.id} and ${minerScope(scope)}) as miners
    from ${minerModels} order by ${minerModels.vendor}, ${minerModels.name}`,
  );
}

/** Customers that own miners the viewer may see, for the filter. */
export async function listMinerCustomerOptions(db: Db, scope: Scope) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select ${customers.id} as id, ${customers.name} as name from ${customers}
      where ${customers.orgId} = ${scope.orgId} and exists (select 1 from ${miners} where ${miners.customerId} = ${customers.id} and ${minerScope(scope)})
      order by ${customers.name}`,
  );
}

/** The customers a miner form may offer (db/queries/scope.ts: those in scope and new ones). */
export async function listAssignableCustomers(db: Db, scope: Scope) {
  return db.select({ id: customers.id, name: customers.name }).from(customers).where(assignableCustomerScope(scope)).orderBy(customers.name);
}
