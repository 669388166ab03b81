import type { Db } from '@/db/client';
import { accessPeriods, customers, memberships, membershipSites, minerModels, miners, organizations, sites, users } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { hashPassword } from '@/lib/auth/password';

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function makeOrg(db: Db, name = 'Test Hosting') {
  const [org] = await db.insert(organizations).values({ name, slug: `t-${uniq()}` }).returning();
  return org!;
}

export async function makeSite(db: Db, orgId: string, name = `Site ${uniq()}`) {
  const [site] = await db
    .insert(sites)
    .values({ orgId, name, location: 'Test', timeZone: 'UTC', energySource: 'hydro', contractedKw: 1000, electricityUsdPerKwh: '0.05000' })
    .returning();
  return site!;
}

/** Two organizations: sites Alpha and Bravo in the first, Xray in the other — the farm scope tests read. */
export async function makeTwoOrgs(db: Db) {
  const org = await makeOrg(db);
  const other = await makeOrg(db, 'Other Hosting');
  const a = await makeSite(db, org.id, 'Alpha');
  const b = await makeSite(db, org.id, 'Bravo');
  const x = await makeSite(db, other.id, 'Xray');
  return { org, other, a, b, x };
}

export async function makeCustomer(db: Db, orgId: string, email: string | null = `c-${uniq()}@example.test`) {
  const [c] = await db.insert(customers).values({ orgId, name: `Customer ${uniq()}`, email }).returning();
  return c!;
}

export async function makeMiner(db: Db, input: { orgId: string; siteId: string; customerId?: string | null; status?: 'active' | 'offline' | 'maintenance' | 'sold' }) {
  await ensureMinerModels(db);
  const [model] = await db.select().from(minerModels).limit(1);
  const [m] = await db
    .insert(miners)
    .values({ orgId: input.orgId, siteId: input.siteId, customerId: input.customerId ?? null, modelId: model!.id, name: `M-${uniq()}`, serial: `SN${uniq()}`, status: input.status ?? 'active' })
    .returning();
  return m!;
}

export async function makeUser(
  db: Db,
  input: { orgId: string; role: string; email?: string; password?: string; siteIds?: string[]; isDemo?: boolean; disabledAt?: Date; periods?: { validFrom: Date; validUntil: Date | null }[] },
) {
  const email = (input.email ?? `u-${uniq()}@example.test`).toLowerCase();
  const [user] = await db
    .insert(users)
    .values({ email, name: 'Test User', passwordHash: await hashPassword(input.password ?? 'correct horse'), isDemo: input.isDemo ?? false, disabledAt: input.disabledAt })
    .returning();
  const [m] = await db.insert(memberships).values({ userId: user!.id, orgId: input.orgId, role: input.role }).returning();
  if (input.siteIds?.length) await db.insert(membershipSites).values(input.siteIds.map((siteId) => ({ membershipId: m!.id, siteId })));
  if (input.periods?.length) await db.insert(accessPeriods).values(input.periods.map((p) => ({ membershipId: m!.id, ...p })));
  return { user: user!, membership: m! };
}
