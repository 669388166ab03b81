import { and, asc, eq, sql } from 'drizzle-orm';
import { slaDueAt, type TicketPriority } from '@/lib/domain/hosting/ticket-sla';
import type { TicketStatus } from '@/lib/domain/hosting/ticket-status';
import type { Db } from '../client';
import { customers, miners, sites, ticketComments, ticketNotifications, tickets, users } from '../schema';

type Seed = { title: string; body: string; priority: TicketPriority; status: TicketStatus; hoursAgo: number; on: 'tx-miner' | 'client-miner' | 'sc-site' | 'client'; assign: boolean; by: 'operator' | 'client' | 'owner'; comments?: { by: 'operator' | 'client'; body: string; internal?: boolean }[] };

/*
 * A handful of realistic tickets on the demo farm: some overdue against their SLA, some resolved,
 * two opened by the demo customer on its own miners. Times are relative to `now` so "overdue" stays
 * true whenever the demo is seeded.
 */
const SEEDS: Seed[] = [
  { title: 'Hashboard 2 reads 0 chips', body: 'Chain 2 disappeared after the power blip at 03:10. Reseated the cable once, no change.', priority: 'high', status: 'open', hoursAgo: 11, on: 'tx-miner', assign: true, by: 'operator' },
  { title: 'Fan 3 at 0 rpm, chips at 88 °C', body: 'Throttling since this morning.', priority: 'urgent', status: 'in_progress', hoursAgo: 6, on: 'tx-miner', assign: true, by: 'owner', comments: [{ by: 'operator', body: 'Spare fan taken from the store, swapping at the next walk-round.' }] },
  { title: 'Miner offline since yesterday', body: 'My machine shows offline in the portal since yesterday evening. Can you check it?', priority: 'normal', status: 'open', hoursAgo: 30, on: 'client-miner', assign: true, by: 'client', comments: [{ by: 'operator', body: 'PDU breaker tripped on that rack; looking for the cause before resetting.', internal: true }] },
  { title: 'Hashrate 15% under spec', body: 'Average over 24 h is 170 TH/s against 200 TH/s nominal. Please check the pool and the boards.', priority: 'normal', status: 'resolved', hoursAgo: 50, on: 'client-miner', assign: true, by: 'client', comments: [{ by: 'operator', body: 'One board was running in low-power mode after a firmware reset; back to normal profile.' }] },
  { title: 'Inlet temperature high in hall B', body: 'Evaporative cooler pad clogged; hall B inlet at 36 °C.', priority: 'high', status: 'open', hoursAgo: 2, on: 'sc-site', assign: false, by: 'owner' },
  { title: 'Replace PSU on rack 7 unit', body: 'PSU fan grinding; replace during the next maintenance window.', priority: 'low', status: 'closed', hoursAgo: 120, on: 'tx-miner', assign: true, by: 'operator' },
  { title: 'Monthly hosting statement question', body: 'The kWh on last month’s statement looks higher than expected.', priority: 'low', status: 'open', hoursAgo: 20, on: 'client', assign: false, by: 'client' },
];

/** Idempotent: an organization that already has tickets is left alone. Returns how many were written. */
export async function seedDemoTickets(db: Db, orgId: string, now = new Date()): Promise<number> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(eq(tickets.orgId, orgId));
  if ((existing?.n ?? 0) > 0) return 0;
  const user = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? null;
  const [operator, client, owner] = await Promise.all([user('operator@demo.local'), user('client@demo.local'), user('owner@demo.local')]);
  const [clientCustomer] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.orgId, orgId), eq(customers.email, 'client@demo.local')));
  const siteByName = async (name: string) => (await db.select({ id: sites.id }).from(sites).where(and(eq(sites.orgId, orgId), eq(sites.name, name))))[0];
  const [tx, sc] = await Promise.all([siteByName('Abilene Wind'), siteByName("Ya'an Hydro")]);
  if (!tx || !sc || !clientCustomer) return 0;
  const txMiners = await db.select({ id: miners.id, siteId: miners.siteId, customerId: miners.customerId }).from(miners).where(and(eq(miners.orgId, orgId), eq(miners.siteId, tx.id))).orderBy(asc(miners.name)).limit(3);
  const clientMiners = await db.select({ id: miners.id, siteId: miners.siteId, customerId: miners.customerId }).from(miners).where(and(eq(miners.orgId, orgId), eq(miners.customerId, clientCustomer.id))).orderBy(asc(miners.name)).limit(2);
  const who = { operator, client, owner };
  let txIndex = 0;
  let clientIndex = 0;
  let written = 0;
  for (const s of SEEDS) {
    const createdAt = new Date(now.getTime() - s.hoursAgo * 3_600_000);
    const m = s.on === 'tx-miner' ? txMiners[txIndex++ % Math.max(1, txMiners.length)] : s.on === 'client-miner' ? clientMiners[clientIndex++ % Math.max(1, clientMiners.length)] : undefined;
    if ((s.on === 'tx-miner' || s.on === 'client-miner') && !m) continue;
    const target = m ? { minerId: m.id, siteId: m.siteId, customerId: m.customerId } : s.on === 'sc-site' ? { minerId: null, siteId: sc.id, customerId: null } : { minerId: null, siteId: null, customerId: clientCustomer.id };
    // The demo operator works the Texas site; other tickets go to the owner so every assignee can see theirs.
    const assignee = !s.assign ? null : target.siteId === tx.id ? operator : owner;
    const done = s.status === 'resolved' || s.status === 'closed';
    const [row] = await db
      .insert(tickets)
      .values({
        orgId,
        ...target,
        title: s.title,
        body: s.body,
        priority: s.priority,
        status: s.status,
        assigneeUserId: assignee,
        createdByUserId: who[s.by],
        slaDueAt: slaDueAt(s.priority, createdAt),
        resolvedAt: done ? new Date(createdAt.getTime() + 3 * 3_600_000) : null,
        closedAt: s.status === 'closed' ? new Date(createdAt.getTime() + 26 * 3_600_000) : null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: tickets.id });
    for (const [i, c] of (s.comments ?? []).entries()) {
      await db.insert(ticketComments).values({ ticketId: row!.id, authorUserId: who[c.by], body: c.body, internal: c.internal ?? false, createdAt: new Date(createdAt.getTime() + (i + 1) * 1_800_000) });
    }
    if (assignee && assignee !== who[s.by] && !done) await db.insert(ticketNotifications).values({ orgId, userId: assignee, ticketId: row!.id, kind: 'assigned', createdAt });
    written++;
  }
  return written;
}
