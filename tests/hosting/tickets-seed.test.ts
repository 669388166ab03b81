import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listTickets } from '@/db/queries/hosting/tickets';
import { ticketComments, tickets } from '@/db/schema';
import { seedDemoTickets } from '@/db/seed/tickets';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let clientCustomerId: string;
const now = new Date('2026-05-01T12:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  const tx = await makeSite(db, orgId, 'Abilene Wind');
  await makeSite(db, orgId, "Ya'an Hydro");
  clientCustomerId = (await makeCustomer(db, orgId, 'client@demo.local')).id;
  for (let i = 0; i < 3; i++) await makeMiner(db, { orgId, siteId: tx.id });
  await makeMiner(db, { orgId, siteId: tx.id, customerId: clientCustomerId });
  await makeUser(db, { orgId, role: 'OWNER', email: 'owner@demo.local' });
  await makeUser(db, { orgId, role: 'OPERATOR', email: 'operator@demo.local', siteIds: [tx.id] });
  await makeUser(db, { orgId, role: 'CLIENT', email: 'client@demo.local' });
});
afterAll(() => drop());

describe('seedDemoTickets', () => {
  it('writes the demo tickets once, some overdue, and hides staff notes from the client', async () => {
    expect(await seedDemoTickets(db, orgId, now)).toBe(7);
    expect(await seedDemoTickets(db, orgId, now)).toBe(0);
    expect((await db.select().from(tickets).where(eq(tickets.orgId, orgId))).length).toBe(7);
    const owner = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
    const overdue = await listTickets(db, owner, { overdue: true }, { page: 1, pageSize: 25 }, now);
    expect(overdue.total).toBeGreaterThanOrEqual(2);
    const client = scopeFor({ orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [clientCustomerId] });
    const mine = await listTickets(db, client, {}, { page: 1, pageSize: 25 }, now);
    expect(mine.total).toBe(3);
    expect((await db.select().from(ticketComments).where(eq(ticketComments.internal, true))).length).toBe(1);
  });
});
