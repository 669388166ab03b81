import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import { slaDueAt } from '@/lib/domain/hosting/ticket-sla';
import type { BulkMoveInput, BulkSelection, BulkStatusInput, BulkTicketInput } from '@/lib/validation/bulk-actions';
import { type Db, queryRows } from '../../client';
import { customers, sites, tickets } from '../../schema';
import { recordAudit } from '../admin/audit';
import { selectionWith } from '../edge/bulk';
import { assignableCustomerScope, siteScope } from '../scope';
import { conflictFrom } from './miner-writes';
import { isCustomerView } from './ticket-scope';

/** A ticket lists at most this many machines; a bigger selection is refused rather than cut. */
export const TICKET_MINERS_MAX = 2000;

const audited = (selection: BulkSelection) => (selection.mode === 'ids' ? { ids: selection.ids.length } : { filter: selection.filter });
const invalid = (field: string) => new AppError('VALIDATION', `invalid ${field}`, { [field]: 'invalid' });

/**
 * Moves every miner of the selection to a site and/or customer in ONE UPDATE … FROM the selection.
 * The destination must be in the writer's scope (a site-bound operator moves only between its own
 * sites). One audit entry names the count, the destination and the sites the miners came from.
 */
export async function moveSelection(db: Db, who: Principal, input: BulkMoveInput, now: Date) {
  return db.transaction(async (tx) => {
    if (input.siteId) {
      const [site] = await tx.select({ id: sites.id }).from(sites).where(and(siteScope(who.scope), eq(sites.id, input.siteId)));
      if (!site) throw invalid('siteId');
    }
    if (input.customerId && input.customerId !== 'none') {
      const [customer] = await tx.select({ id: customers.id }).from(customers).where(and(assignableCustomerScope(who.scope), eq(customers.id, input.customerId)));
      if (!customer) throw invalid('customerId');
    }
    const set = [
      input.siteId ? sql`site_id = ${input.siteId}::uuid` : null,
      input.customerId ? sql`customer_id = ${input.customerId === 'none' ? null : input.customerId}::uuid` : null,
      sql`updated_at = ${now.toISOString()}::timestamptz`,
    ].filter((s) => s !== null);
    let rows: { id: string; from_site: string }[];
    try {
      rows = await queryRows<{ id: string; from_site: string }>(
        tx,
        sql`with ${selectionWith(who.scope, input.selection, now)}
          update miners m set ${sql.join(set, sql`, `)} from sel where m.id = sel.id returning m.id, sel.site_id as from_site`,
      );
    } catch (error) {
      throw conflictFrom(error) ?? error;
    }
    if (!rows.length) throw new AppError('NOT_FOUND', 'The selection matches no miner');
    const siteIds = [...new Set([...rows.map((r) => r.from_site), input.siteId])];
    await recordAudit(tx, {
      orgId: who.orgId,
      actorUserId: who.userId,
      action: 'miner.bulk_move',
      entityType: 'miner_selection',
      entityId: `bulk:${rows.length}`,
      siteIds,
      after: { selection: audited(input.selection), count: rows.length, siteId: input.siteId ?? null, customerId: input.customerId ?? null },
    });
    return { updated: rows.length };
  });
}

/** Sets the administrative status (active, offline, maintenance, sold) of a selection; miners already there are left alone. */
export async function setSelectionStatus(db: Db, who: Principal, input: BulkStatusInput, now: Date) {
  return db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; site_id: string }>(
      tx,
      sql`with ${selectionWith(who.scope, input.selection, now)}
        update miners m set status = ${input.status}, updated_at = ${now.toISOString()}::timestamptz
        from sel where m.id = sel.id and m.status <> ${input.status} returning m.id, m.site_id`,
    );
    if (rows.length) {
      await recordAudit(tx, {
        orgId: who.orgId,
        actorUserId: who.userId,
        action: 'miner.bulk_status',
        entityType: 'miner_selection',
        entityId: `bulk:${rows.length}`,
        siteIds: [...new Set(rows.map((r) => r.site_id))],
        after: { selection: audited(input.selection), count: rows.length, status: input.status },
      });
    }
    return { updated: rows.length };
  });
}

/**
 * One ticket for every machine of the selection, linked through ticket_miners. The machines must
 * share a site (staff) or a customer (a CLIENT), which becomes the ticket's target so the ticket
 * scopes read it as they read any other; a lone machine is also the ticket's miner.
 */
export async function openSelectionTicket(db: Db, who: Principal, input: BulkTicketInput, now: Date) {
  return db.transaction(async (tx) => {
    const found = await queryRows<{ n: number; sites: string[]; customers: (string | null)[]; first: string }>(
      tx,
      sql`with ${selectionWith(who.scope, input.selection, now)}
        select count(*)::int as n, array_agg(distinct sel.site_id) as sites, array_agg(distinct m.customer_id) as customers, min(sel.id::text) as first
        from sel join miners m on m.id = sel.id`,
    );
    const sel = found[0]!;
    if (!sel.n) throw new AppError('NOT_FOUND', 'The selection matches no miner');
    if (sel.n > TICKET_MINERS_MAX) throw new AppError('VALIDATION', `at most ${TICKET_MINERS_MAX} machines per ticket`, { selection: 'tooLong' });
    const customerView = isCustomerView(who.scope);
    if (sel.sites.length !== 1 && !customerView) throw new AppError('VALIDATION', 'the machines are on several sites', { sites: 'invalid' });
    if (customerView && (sel.customers.length !== 1 || !sel.customers[0])) throw new AppError('VALIDATION', 'the machines belong to several customers', { customers: 'invalid' });
    const customerId = sel.customers.length === 1 ? sel.customers[0]! : null;
    const [ticket] = await tx
      .insert(tickets)
      .values({
        orgId: who.orgId,
        siteId: customerView ? null : sel.sites[0]!,
        customerId,
        minerId: sel.n === 1 ? sel.first : null,
        title: input.title,
        body: input.body,
        priority: input.priority,
        createdByUserId: who.userId,
        slaDueAt: slaDueAt(input.priority, now),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.execute(sql`with ${selectionWith(who.scope, input.selection, now)} insert into ticket_miners (ticket_id, miner_id) select ${ticket!.id}::uuid, id from sel`);
    await recordAudit(tx, {
      orgId: who.orgId,
      actorUserId: who.userId,
      action: 'ticket.create',
      entityType: 'ticket',
      entityId: ticket!.id,
      siteIds: sel.sites,
      before: null,
      after: { number: ticket!.number, title: ticket!.title, priority: ticket!.priority, siteId: ticket!.siteId, customerId, miners: sel.n, selection: audited(input.selection) },
    });
    return { id: ticket!.id, number: ticket!.number, miners: sel.n };
  });
}
