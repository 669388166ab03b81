import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { findMembership, findUserByEmail, loadAccessContext } from '@/db/queries/auth/accounts';
import { listActivities } from '@/db/queries/crm/activities';
import { listContacts } from '@/db/queries/crm/contacts';
import { getCrmCustomer, listCrmCustomers } from '@/db/queries/crm/customers';
import { customerDeals, pipelineBoard } from '@/db/queries/crm/deals';
import { listLeads } from '@/db/queries/crm/leads';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { listTickets } from '@/db/queries/hosting/tickets';
import { poolVsMiner } from '@/db/queries/pool/pool-vs-miner';
import { customers } from '@/db/schema';
import { seedDemoCrm } from '@/db/seed/crm';
import type { Principal } from '@/lib/core/principal';
import { normalizeRole } from '@/lib/core/roles';
import { scopeFor } from '@/lib/core/scope';
import { removeDemo, seedDemo } from '@/lib/demo/seed-demo';
import { DEAL_STAGES } from '@/lib/domain/crm/pipeline';
import { createTestDb } from '../helpers/db';

let db: Db;
let drop: () => Promise<void>;
const page = { page: 1, pageSize: 50 };

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await seedDemo(db);
});
afterAll(() => drop());

async function principal(email: string): Promise<Principal> {
  const user = await findUserByEmail(db, email);
  const m = await findMembership(db, user!.id);
  const ctx = await loadAccessContext(db, user!.id, m!.orgId);
  return { orgId: m!.orgId, userId: user!.id, scope: scopeFor({ orgId: m!.orgId, role: normalizeRole(m!.role), assignedSiteIds: ctx!.siteIds, linkedCustomerIds: ctx!.customerIds }) };
}

describe('the demo CRM', () => {
  it('gives the site owner and the operator customers of their own, the admin all 150; a second seed writes nothing', async () => {
    const [admin, siteOwner, operator, client] = await Promise.all(['admin@demo.local', 'siteowner@demo.local', 'operator@demo.local', 'client@demo.local'].map(principal));
    expect((await listCrmCustomers(db, admin!, {}, page)).total).toBe(150);
    const own = (await listCrmCustomers(db, siteOwner!, {}, page)).total;
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(40);
    expect((await listCrmCustomers(db, operator!, {}, page)).total).toBeGreaterThan(0);
    expect((await listCrmCustomers(db, client!, {}, page)).total).toBe(0);
    expect(await seedDemoCrm(db, admin!.orgId)).toBe(0);
    expect((await listLeads(db, siteOwner!, {}, page)).total).toBe(2);
    const board = await pipelineBoard(db, admin!, DEAL_STAGES);
    expect(board.map((c) => c.count)).toEqual([1, 1, 1, 1, 1, 1]);
    expect((await listActivities(db, admin!, { overdue: true }, page, new Date())).total).toBe(2);
  });

  it('feeds every panel of the demo client’s 360 page from the shared hosting queries', async () => {
    const admin = await principal('admin@demo.local');
    const [client] = await db.select().from(customers).where(eq(customers.email, 'client@demo.local'));
    const record = await getCrmCustomer(db, admin, client!.id);
    expect(record).toMatchObject({ name: client!.name, ownerUserId: expect.any(String) });
    expect(record!.referralCode).toMatch(/^[A-Z2-9]{8}$/);
    const mine = { ...admin.scope, customers: [client!.id] };
    const now = new Date();
    const [contacts, deals, kpis, pool, tickets] = await Promise.all([listContacts(db, admin, client!.id), customerDeals(db, admin, client!.id), hostingKpis(db, mine, { hostCosts: false }, now), poolVsMiner(db, mine, now), listTickets(db, mine, {}, { page: 1, pageSize: 5 }, now)]);
    expect(contacts.map((c) => [c.name, c.isPrimary])).toEqual([
      ['Chen Li', true],
      ['Maria Gomez', false],
    ]);
    expect(deals.rows).toMatchObject([{ title: 'Add 20 × S19k Pro', stage: 'won', valueCents: 3_800_000 }]);
    const fleet = kpis.find((r) => r.dim === 'all')!;
    // The 360 page counts only this customer's machines: the same figure as its row on the KPI page.
    const all = await hostingKpis(db, admin.scope, { hostCosts: false }, now);
    expect(fleet.total).toBe(all.find((r) => r.dim === 'customer' && r.key === client!.id)!.total);
    expect(fleet.total).toBeGreaterThan(0);
    expect(pool.find((r) => r.dim === 'all')).toBeDefined();
    expect(tickets.rows.every((t) => t.customerId === client!.id)).toBe(true);
    expect(tickets.total).toBeGreaterThan(0);
  });

  // Removing 6,000 miners with their telemetry is slow on a loaded machine: its own time limit.
  it('goes with the demo when it is removed', { timeout: 180_000 }, async () => {
    await removeDemo(db);
    expect(await db.select().from(customers)).toEqual([]);
  });
});
