import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { customers, minerModels, miners, sites } from '../schema';
import { offsetOf, type Page, type PageRequest, toPage } from './pagination';
import { minerScope } from './scope';
import type { Scope } from '@/lib/auth/scope';

export type MinerStatus = (typeof miners.status.enumValues)[number];
export type MinerFilter = { q?: string; siteId?: string; status?: MinerStatus };

const minerColumns = {
  id: miners.id,
  name: miners.name,
  serial: miners.serial,
  ipAddress: miners.ipAddress,
  macAddress: miners.macAddress,
  workerName: miners.workerName,
  status: miners.status,
  quantity: miners.quantity,
  siteId: miners.siteId,
  siteName: sites.name,
  customerId: miners.customerId,
  customerName: customers.name,
  modelName: minerModels.name,
  hashrateThs: minerModels.hashrateThs,
  powerW: minerModels.powerW,
};

function filterWhere(scope: Scope, f: MinerFilter): SQL {
  const q = f.q?.trim();
  const like = q ? `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    minerScope(scope),
    f.siteId ? eq(miners.siteId, f.siteId) : undefined,
    f.status ? eq(miners.status, f.status) : undefined,
    like
      ? or(ilike(miners.name, like), ilike(miners.serial, like), ilike(miners.macAddress, like), ilike(miners.workerName, like), sql`host(${miners.ipAddress}) ilike ${like}`, ilike(customers.name, like))
      : undefined,
  )!;
}

/** One round trip: the page and the total via a window count. */
export type MinerRow = Awaited<ReturnType<typeof selectMiners>>[number];

export async function listMiners(db: Db, scope: Scope, filter: MinerFilter, req: PageRequest): Promise<Page<MinerRow>> {
  const rows = await selectMiners(db, scope, filter, req);
  const total = rows[0]?.total ?? (req.page > 1 ? await countMiners(db, scope, filter) : 0);
  return toPage(rows, total, req);
}

function selectMiners(db: Db, scope: Scope, filter: MinerFilter, req: PageRequest) {
  return db
    .select({ ...minerColumns, total: sql<number>`count(*) over()::int` })
    .from(miners)
    .innerJoin(sites, eq(sites.id, miners.siteId))
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .leftJoin(customers, eq(customers.id, miners.customerId))
    .where(filterWhere(scope, filter))
    .orderBy(asc(sites.name), asc(miners.name))
    .limit(req.pageSize)
    .offset(offsetOf(req));
}

async function countMiners(db: Db, scope: Scope, filter: MinerFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(miners)
    .leftJoin(customers, eq(customers.id, miners.customerId))
    .where(filterWhere(scope, filter));
  return row?.n ?? 0;
}

/** A miner by id, or null when it does not exist or lies outside the scope (the caller answers 404 for both). */
export async function getMiner(db: Db, scope: Scope, id: string) {
  const [row] = await db
    .select({ ...minerColumns, electricityUsdPerKwhOverride: miners.electricityUsdPerKwhOverride, siteUsdPerKwh: sites.electricityUsdPerKwh, createdAt: miners.createdAt, updatedAt: miners.updatedAt })
    .from(miners)
    .innerJoin(sites, eq(sites.id, miners.siteId))
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .leftJoin(customers, eq(customers.id, miners.customerId))
    .where(and(minerScope(scope), eq(miners.id, id)))
    .limit(1);
  return row ?? null;
}
