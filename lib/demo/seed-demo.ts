import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, memberships, membershipSites, minerModels, miners, organizations, siteLayoutPositions, sites, telemetryHistory5min, users } from '@/db/schema';
import { seedAlerts } from '@/db/seed/alerts';
import { seedDemoCrm } from '@/db/seed/crm';
import { seedDemoBrands } from '@/db/seed/brands';
import { buildDemoFarm, DEMO_PASSWORD } from '@/db/seed/demo-farm';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { seedNetworkDaily } from '@/db/seed/market';
import { FILL_KEY, seedDemoTelemetry } from '@/db/seed/telemetry-demo';
import { seedDemoTickets } from '@/db/seed/tickets';
import { seedDemoTreasury } from '@/db/seed/treasury-demo';
import { hashPassword } from '@/lib/auth/password';
import { DEFAULT_LAYOUT_PATTERN, parseLayoutPattern } from '@/lib/domain/hosting/rack-layout';
import { seedDemoPool } from './pool-demo';

export const DEMO_ORG_SLUG = 'demo';

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Writes the demo farm in one transaction: either all of it lands or none. Returns the org id. */
export async function seedDemo(db: Db): Promise<{ orgId: string; miners: number }> {
  await ensureMinerModels(db);
  await seedNetworkDaily(db);
  const farm = buildDemoFarm();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const seeded = await db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: 'HashInsight Demo Hosting', slug: DEMO_ORG_SLUG }).returning();
    const orgId = org!.id;

    const siteRows = await tx
      .insert(sites)
      .values(farm.sites.map((s) => ({ orgId, name: s.name, location: s.location, timeZone: s.timeZone, energySource: s.energySource, contractedKw: s.contractedKw, electricityUsdPerKwh: s.electricityUsdPerKwh, clientUsdPerKwh: s.clientUsdPerKwh, layoutPattern: DEFAULT_LAYOUT_PATTERN })))
      .returning({ id: sites.id, name: sites.name });
    const siteId = new Map<string, string>(farm.sites.map((s) => [s.code, siteRows.find((r) => r.name === s.name)!.id]));

    const customerRows = await tx
      .insert(customers)
      .values(farm.customers.map((c) => ({ orgId, name: c.name, company: c.company, email: c.email, phone: c.phone, tier: c.tier })))
      .returning({ id: customers.id, email: customers.email });
    const customerId = new Map(farm.customers.map((c) => [c.key, customerRows.find((r) => r.email === c.email)!.id]));

    const modelRows = await tx.select({ id: minerModels.id, name: minerModels.name }).from(minerModels);
    const modelId = new Map(modelRows.map((m) => [m.name, m.id]));

    for (const batch of chunks(farm.miners, 1000)) {
      await tx.insert(miners).values(
        batch.map((m) => ({
          orgId,
          siteId: siteId.get(m.siteCode)!,
          customerId: m.customerKey === null ? null : customerId.get(m.customerKey)!,
          modelId: modelId.get(m.modelName)!,
          name: m.name,
          serial: m.serial,
          ipAddress: m.ipAddress,
          macAddress: m.macAddress,
          workerName: m.workerName,
          status: m.status,
          electricityUsdPerKwhOverride: m.electricityUsdPerKwhOverride,
        })),
      );
    }

    await seedDemoLayout(tx, orgId, siteId.get(IMPORTED_LAYOUT_SITE)!);

    const userRows = await tx
      .insert(users)
      .values(farm.users.map((u) => ({ email: u.email, name: u.name, passwordHash, isDemo: true })))
      .returning({ id: users.id, email: users.email });
    const memberRows = await tx
      .insert(memberships)
      .values(farm.users.map((u) => ({ userId: userRows.find((r) => r.email === u.email)!.id, orgId, role: u.role })))
      .returning({ id: memberships.id, userId: memberships.userId });
    const assignments = farm.users.flatMap((u) => {
      const userId = userRows.find((r) => r.email === u.email)!.id;
      const membershipId = memberRows.find((m) => m.userId === userId)!.id;
      return u.siteCodes.map((code) => ({ membershipId, siteId: siteId.get(code)! }));
    });
    if (assignments.length) await tx.insert(membershipSites).values(assignments);
    await seedAlerts(tx, orgId);
    await seedDemoTickets(tx, orgId);
    await seedDemoCrm(tx, orgId);
    await seedDemoBrands(tx, orgId, farm.customers);
    await seedDemoPool(tx, orgId);
    // After the pool: the miners it reports offline are the ones offline in telemetry.
    await seedDemoTelemetry(tx, orgId);
    // After the pool and the telemetry: its inventory is the pool's payouts, its energy the telemetry's.
    await seedDemoTreasury(tx, orgId);

    return { orgId, miners: farm.miners.length };
  });
  // Statistics for the tables the measured state reads: without them (PGlite has no autovacuum) the
  // planner takes the freshly written pool hours for one row and joins them to a site's 2,800 miners
  // by nested loop — the rack map took 4 s instead of 0.2 s.
  await db.execute(sql`analyze miners, miner_telemetry_live, pool_workers, pool_worker_links, site_layout_positions`);
  return seeded;
}

/** The demo site whose rack map comes from an imported layout; the others read their names with the pattern. */
const IMPORTED_LAYOUT_SITE = 'KZ';

/**
 * Every demo site has a rack map: all save the naming pattern their miners follow, and Ekibastuz has a
 * layout as if imported from CSV — its rows 1–2 in hall A, row 3 in hall B — so both kinds show.
 */
async function seedDemoLayout(tx: Db, orgId: string, siteId: string) {
  const pattern = parseLayoutPattern(DEFAULT_LAYOUT_PATTERN);
  if (!pattern.ok) throw new Error('the default layout pattern does not parse');
  const rows = await tx.select({ id: miners.id, name: miners.name }).from(miners).where(eq(miners.siteId, siteId));
  const placed = rows.flatMap((m) => {
    const p = pattern.pattern.place(m.name);
    return p ? [{ siteId, orgId, minerId: m.id, room: (p.row ?? 1) <= 2 ? 'HALL-A' : 'HALL-B', rowNo: p.row, rack: p.rack, slot: p.slot }] : [];
  });
  for (const batch of chunks(placed, 1000)) await tx.insert(siteLayoutPositions).values(batch);
}

export async function isDemoSeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG)).limit(1);
  return Boolean(row);
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return (row?.n ?? 0) === 0;
}

/** Removes the demo organization and its demo users (cascades to everything they own). */
export async function removeDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // The five-minute history has no foreign key to miners (its cost on the rollup), so it goes by hand.
    await tx.delete(telemetryHistory5min).where(sql`${telemetryHistory5min.orgId} in (select id from ${organizations} where slug = ${DEMO_ORG_SLUG})`);
    await tx.delete(miners).where(sql`${miners.orgId} in (select id from ${organizations} where slug = ${DEMO_ORG_SLUG})`);
    await tx.delete(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
    await tx.execute(sql`delete from app_settings where key = ${FILL_KEY}`);
    await tx.delete(users).where(eq(users.isDemo, true));
  });
}
