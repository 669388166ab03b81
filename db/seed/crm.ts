import { and, asc, eq, sql } from 'drizzle-orm';
import { referralCodeFrom } from '@/lib/domain/crm/referral-code';
import type { DealStage } from '@/lib/domain/crm/pipeline';
import type { Db } from '../client';
import { crmActivities, customerAccounts, customerContacts, customers, deals, leads, miners, users } from '../schema';
import { seededRandom } from './random';

const HOUR = 3_600_000;

/*
 * The demo's CRM: every customer gets an account (a referral code; the hosting ones an account
 * manager and tags), so the site owner and the operator each manage a few customers and see them;
 * a handful of leads, deals across the pipeline and activities, two of them overdue tasks. Times are
 * relative to `now`, so "overdue" stays true whenever the demo is seeded.
 */
export async function seedDemoCrm(db: Db, orgId: string, now = new Date()): Promise<number> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(customerAccounts).where(eq(customerAccounts.orgId, orgId));
  if ((existing?.n ?? 0) > 0) return 0;
  const rand = seededRandom(2026);
  const user = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? null;
  const [admin, siteOwner, operator] = await Promise.all([user('admin@demo.local'), user('siteowner@demo.local'), user('operator@demo.local')]);
  const all = await db.select({ id: customers.id, name: customers.name, email: customers.email, tier: customers.tier }).from(customers).where(eq(customers.orgId, orgId)).orderBy(asc(customers.name));
  const hosting = new Set(
    (await db.selectDistinct({ id: miners.customerId }).from(miners).where(and(eq(miners.orgId, orgId), sql`${miners.customerId} is not null`))).map((r) => r.id),
  );
  const managers = [siteOwner, siteOwner, operator, admin];
  const accounts = all.map((c, i) => {
    const hosted = hosting.has(c.id);
    const bytes = Uint8Array.from({ length: 8 }, () => Math.floor(rand.next() * 256));
    return {
      customerId: c.id,
      orgId,
      ownerUserId: hosted ? (managers[i % managers.length] ?? null) : null,
      tags: hosted ? [c.tier === 'VIP' ? 'vip' : 'hosting', ...(i % 3 === 0 ? ['hydro'] : [])] : [],
      referralCode: referralCodeFrom(bytes),
      updatedAt: now,
    };
  });
  if (accounts.length) await db.insert(customerAccounts).values(accounts);
  const client = all.find((c) => c.email === 'client@demo.local');
  const managed = all.filter((c, i) => hosting.has(c.id) && managers[i % managers.length] === siteOwner).slice(0, 4);
  if (client) {
    await db.insert(customerContacts).values([
      { orgId, customerId: client.id, name: 'Chen Li', title: 'Operations lead', email: 'client@demo.local', phone: '+1 555 0100', isPrimary: true, createdAt: now },
      { orgId, customerId: client.id, name: 'Maria Gomez', title: 'Finance', email: 'finance@demo.local', createdAt: now },
    ]);
  }
  const leadRows = await db
    .insert(leads)
    .values([
      { orgId, name: 'Ivan Petrov', company: 'Volga Hash', email: 'ivan@volga-hash.example', source: 'web_form' as const, status: 'new' as const, ownerUserId: siteOwner, createdAt: new Date(now.getTime() - 5 * HOUR) },
      { orgId, name: 'Aisha Khan', company: 'Desert Compute', email: 'aisha@desert.example', source: 'referral' as const, referralCode: accounts[0]?.referralCode ?? null, referredByCustomerId: accounts[0]?.customerId ?? null, status: 'contacted' as const, ownerUserId: siteOwner, createdAt: new Date(now.getTime() - 50 * HOUR) },
      { orgId, name: 'Tom Becker', company: null, email: 'tom.becker@example.com', source: 'manual' as const, status: 'qualified' as const, ownerUserId: admin, createdAt: new Date(now.getTime() - 120 * HOUR) },
      { orgId, name: 'Lina Sato', company: 'Sato Mining KK', email: 'lina@sato.example', source: 'import' as const, status: 'lost' as const, lostReason: 'Chose a site closer to Japan', ownerUserId: admin, createdAt: new Date(now.getTime() - 400 * HOUR) },
    ])
    .returning({ id: leads.id, name: leads.name, ownerUserId: leads.ownerUserId });
  const deal = (title: string, stage: DealStage, valueUsd: number, party: { customerId?: string; leadId?: string }, owner: string | null, extra: Partial<typeof deals.$inferInsert> = {}) => ({
    orgId,
    title,
    stage,
    valueCents: valueUsd * 100,
    customerId: party.customerId ?? null,
    leadId: party.leadId ?? null,
    ownerUserId: owner,
    closedAt: stage === 'won' || stage === 'lost' ? new Date(now.getTime() - 24 * HOUR) : null,
    expectedCloseOn: new Date(now.getTime() + 21 * 24 * HOUR).toISOString().slice(0, 10),
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
  const dealRows = [
    leadRows[0] && deal('200 × S21 hosting', 'prospect', 180_000, { leadId: leadRows[0].id }, siteOwner),
    leadRows[1] && deal('Immersion pilot, 2 racks', 'qualified', 64_000, { leadId: leadRows[1].id }, siteOwner, { brokerName: 'Gulf Mining Partners', commissionBps: 300 }),
    managed[0] && deal('Expansion: 1 MW in hall B', 'proposal', 420_000, { customerId: managed[0].id }, siteOwner, { brokerName: 'Northern Brokers', commissionFixedCents: 1_500_000 }),
    managed[1] && deal('Contract renewal 2027', 'negotiation', 96_000, { customerId: managed[1].id }, siteOwner),
    client && deal('Add 20 × S19k Pro', 'won', 38_000, { customerId: client.id }, admin, { closeReason: 'Best price per kWh' }),
    managed[2] && deal('Move fleet from Texas', 'lost', 150_000, { customerId: managed[2].id }, siteOwner, { closeReason: 'Stayed with their current host' }),
  ].filter((d) => Boolean(d)) as (typeof deals.$inferInsert)[];
  if (dealRows.length) await db.insert(deals).values(dealRows);
  const activityRows = [
    client && { orgId, customerId: client.id, kind: 'call' as const, subject: 'Quarterly review call', body: 'Happy with uptime; asked about immersion pricing.', ownerUserId: admin, createdByUserId: admin, createdAt: new Date(now.getTime() - 72 * HOUR) },
    client && { orgId, customerId: client.id, kind: 'task' as const, subject: 'Send the 2027 price list', dueAt: new Date(now.getTime() - 20 * HOUR), ownerUserId: admin, createdByUserId: admin, createdAt: new Date(now.getTime() - 48 * HOUR) },
    managed[0] && { orgId, customerId: managed[0].id, kind: 'meeting' as const, subject: 'Site visit, hall B', ownerUserId: siteOwner, createdByUserId: siteOwner, createdAt: new Date(now.getTime() - 30 * HOUR) },
    managed[0] && { orgId, customerId: managed[0].id, kind: 'task' as const, subject: 'Prepare the 1 MW proposal', dueAt: new Date(now.getTime() - 3 * HOUR), ownerUserId: siteOwner, createdByUserId: siteOwner, createdAt: new Date(now.getTime() - 26 * HOUR) },
    managed[1] && { orgId, customerId: managed[1].id, kind: 'task' as const, subject: 'Call about the renewal terms', dueAt: new Date(now.getTime() + 28 * HOUR), ownerUserId: siteOwner, createdByUserId: siteOwner, createdAt: now },
    leadRows[0] && { orgId, leadId: leadRows[0].id, kind: 'email' as const, subject: 'Sent the hosting price sheet', ownerUserId: siteOwner, createdByUserId: siteOwner, createdAt: new Date(now.getTime() - 4 * HOUR) },
  ].filter((a) => Boolean(a)) as (typeof crmActivities.$inferInsert)[];
  if (activityRows.length) await db.insert(crmActivities).values(activityRows);
  return accounts.length;
}
