import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import { commissionCents } from '@/lib/domain/crm/commission';
import { checkMove, type DealStage, moveStamps } from '@/lib/domain/crm/pipeline';
import type { DealInput, DealUpdate, MoveDealInput } from '@/lib/validation/crm';
import { type Db, queryRows } from '../../client';
import { customers, deals, leads, users } from '../../schema';
import { recordAudit } from '../admin/audit';
import { managedCustomer, managedLead } from './managed';
import { dealWhere, isCrmAdmin } from './scope';
import { assertStaff, fieldError, type Tx } from './tx';

export type BoardCard = {
  id: string;
  title: string;
  stage: DealStage;
  version: number;
  valueCents: number;
  expectedCloseOn: string | null;
  closeReason: string | null;
  customerId: string | null;
  leadId: string | null;
  partyName: string;
  ownerName: string | null;
  brokerName: string | null;
  commissionCents: number | null;
};
export type BoardColumn = { stage: DealStage; count: number; valueCents: number; cards: BoardCard[] };

/**
 * The pipeline board in one statement: per stage its count and total value (window aggregates over
 * every deal in scope) and its `perStage` most recently changed cards, so a column of thousands of
 * closed deals still loads one page. The commission is computed in lib/domain, not in SQL.
 */
export async function pipelineBoard(db: Db, who: Principal, stages: readonly DealStage[], perStage = 50): Promise<BoardColumn[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select * from (
        select ${deals.id} as id, ${deals.title} as title, ${deals.stage} as stage, ${deals.version} as version, ${deals.valueCents} as value_cents,
          ${deals.expectedCloseOn}::text as expected_close_on, ${deals.closeReason} as close_reason, ${deals.customerId} as customer_id, ${deals.leadId} as lead_id,
          coalesce(${customers.name}, ${leads.company}, ${leads.name}) as party_name, ${users.name} as owner_name,
          ${deals.brokerName} as broker_name, ${deals.commissionBps} as commission_bps, ${deals.commissionFixedCents} as commission_fixed_cents,
          row_number() over (partition by ${deals.stage} order by ${deals.updatedAt} desc, ${deals.id}) as n,
          count(*) over (partition by ${deals.stage})::int as stage_count,
          sum(${deals.valueCents}) over (partition by ${deals.stage})::text as stage_value
        from ${deals}
        left join ${customers} on ${customers.id} = ${deals.customerId}
        left join ${leads} on ${leads.id} = ${deals.leadId}
        left join ${users} on ${users.id} = ${deals.ownerUserId}
        where ${dealWhere(who)}
      ) d where n <= ${perStage} order by n`,
  );
  const columns = new Map<DealStage, BoardColumn>(stages.map((stage) => [stage, { stage, count: 0, valueCents: 0, cards: [] }]));
  for (const r of rows) {
    const column = columns.get(r.stage as DealStage);
    if (!column) continue;
    column.count = Number(r.stage_count);
    column.valueCents = Number(r.stage_value);
    const valueCents = Number(r.value_cents);
    const bps = r.commission_bps == null ? null : Number(r.commission_bps);
    const fixedCents = r.commission_fixed_cents == null ? null : Number(r.commission_fixed_cents);
    column.cards.push({
      id: String(r.id),
      title: String(r.title),
      stage: r.stage as DealStage,
      version: Number(r.version),
      valueCents,
      expectedCloseOn: (r.expected_close_on as string | null) ?? null,
      closeReason: (r.close_reason as string | null) ?? null,
      customerId: (r.customer_id as string | null) ?? null,
      leadId: (r.lead_id as string | null) ?? null,
      partyName: String(r.party_name ?? ''),
      ownerName: (r.owner_name as string | null) ?? null,
      brokerName: (r.broker_name as string | null) ?? null,
      commissionCents: commissionCents(valueCents, { bps, fixedCents }),
    });
  }
  return [...columns.values()];
}

/** A customer's deals for its 360 page, newest first (the caller has found the customer in scope). */
export async function customerDeals(db: Db, who: Principal, customerId: string, limit = 20) {
  const rows = await db
    .select({ id: deals.id, version: deals.version, ownerUserId: deals.ownerUserId, title: deals.title, stage: deals.stage, valueCents: deals.valueCents, expectedCloseOn: deals.expectedCloseOn, closeReason: deals.closeReason, brokerName: deals.brokerName, commissionBps: deals.commissionBps, commissionFixedCents: deals.commissionFixedCents, total: sql<number>`count(*) over ()::int` })
    .from(deals)
    .where(and(eq(deals.orgId, who.orgId), eq(deals.customerId, customerId)))
    .orderBy(desc(deals.updatedAt), desc(deals.id))
    .limit(limit);
  return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _t, ...d }) => ({ ...d, commissionCents: commissionCents(d.valueCents, { bps: d.commissionBps, fixedCents: d.commissionFixedCents }) })) };
}

export async function createDeal(db: Db, who: Principal, input: DealInput, now: Date) {
  return db.transaction(async (tx) => {
    if (input.customerId) await managedCustomer(tx, who, input.customerId, 'customerId');
    if (input.leadId) {
      const lead = await managedLead(tx, who, input.leadId, 'leadId');
      if (input.customerId && lead.convertedCustomerId !== input.customerId) throw fieldError('leadId');
    }
    const ownerUserId = isCrmAdmin(who) ? (input.ownerUserId ?? who.userId) : who.userId;
    await assertStaff(tx, who.orgId, ownerUserId, 'ownerUserId');
    const [deal] = await tx
      .insert(deals)
      .values({
        orgId: who.orgId,
        customerId: input.customerId,
        leadId: input.leadId,
        title: input.title,
        valueCents: input.value,
        expectedCloseOn: input.expectedCloseOn,
        ownerUserId,
        brokerName: input.brokerName,
        commissionBps: input.commissionPct,
        commissionFixedCents: input.commissionFixed,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'deal.create', entityType: 'deal', entityId: deal!.id, before: null, after: { ...input } });
    return deal!;
  });
}

/**
 * A board move, checked against the deal as it is now (row locked): a page that saw another stage or
 * version gets CONFLICT and reloads; a deal outside the principal's scope is NOT_FOUND; dropping a
 * card on its own column changes nothing. Each move bumps the version.
 */
export async function moveDeal(db: Db, who: Principal, input: MoveDealInput, now: Date) {
  return db.transaction(async (tx) => {
    const [deal] = await tx
      .select({ id: deals.id, stage: deals.stage, version: deals.version })
      .from(deals)
      .where(and(dealWhere(who), eq(deals.id, input.id)))
      .for('update');
    if (!deal) throw new AppError('NOT_FOUND');
    const refusal = checkMove(deal, { stage: input.fromStage, version: input.version }, input.toStage, input.reason);
    if (refusal === 'stale') throw new AppError('CONFLICT', `The deal is at ${deal.stage} v${deal.version}, the page saw ${input.fromStage} v${input.version}`);
    if (refusal === 'reason') throw fieldError('reason', 'required');
    if (refusal === 'same') return { id: deal.id, stage: deal.stage, version: deal.version };
    const [after] = await tx
      .update(deals)
      .set({ stage: input.toStage, version: deal.version + 1, ...moveStamps(input.toStage, input.reason, now), updatedAt: now })
      .where(eq(deals.id, deal.id))
      .returning({ id: deals.id, stage: deals.stage, version: deals.version });
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'deal.move', entityType: 'deal', entityId: deal.id, before: { stage: deal.stage }, after: { stage: input.toStage, reason: input.reason } });
    return after!;
  });
}

const dealAudit = (d: typeof deals.$inferSelect) => ({ title: d.title, valueCents: d.valueCents, expectedCloseOn: d.expectedCloseOn, ownerUserId: d.ownerUserId, brokerName: d.brokerName, commissionBps: d.commissionBps, commissionFixedCents: d.commissionFixedCents });

/** The deal, locked, at the version the page saw: NOT_FOUND outside scope, CONFLICT when someone changed it since. */
async function dealAtVersion(tx: Tx, who: Principal, id: string, version: number) {
  const [deal] = await tx.select().from(deals).where(and(dealWhere(who), eq(deals.id, id))).for('update');
  if (!deal) throw new AppError('NOT_FOUND');
  if (deal.version !== version) throw new AppError('CONFLICT', `The deal is at v${deal.version}, the form saw v${version}`);
  return deal;
}

/**
 * Edits a deal's fields (its stage moves on the board). Only owners and admins hand a deal to another
 * owner; `keepCommission` leaves the broker fields as they are for a writer without that permission.
 */
export async function updateDeal(db: Db, who: Principal, input: DealUpdate, now: Date, keepCommission = false) {
  return db.transaction(async (tx) => {
    const before = await dealAtVersion(tx, who, input.id, input.version);
    const ownerUserId = isCrmAdmin(who) ? (input.ownerUserId ?? before.ownerUserId) : before.ownerUserId;
    if (ownerUserId !== before.ownerUserId) await assertStaff(tx, who.orgId, ownerUserId, 'ownerUserId');
    const commission = keepCommission ? {} : { brokerName: input.brokerName, commissionBps: input.commissionPct, commissionFixedCents: input.commissionFixed };
    const [after] = await tx
      .update(deals)
      .set({ title: input.title, valueCents: input.value, expectedCloseOn: input.expectedCloseOn, ownerUserId, ...commission, version: before.version + 1, updatedAt: now })
      .where(eq(deals.id, before.id))
      .returning();
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'deal.update', entityType: 'deal', entityId: before.id, before: dealAudit(before), after: dealAudit(after!) });
    return { id: after!.id, version: after!.version };
  });
}

/** Deletes a deal seen at `version` (its activities keep their history: deal_id is set null by the foreign key). */
export async function deleteDeal(db: Db, who: Principal, input: { id: string; version: number }) {
  return db.transaction(async (tx) => {
    const before = await dealAtVersion(tx, who, input.id, input.version);
    await tx.delete(deals).where(eq(deals.id, before.id));
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'deal.delete', entityType: 'deal', entityId: before.id, before: { ...dealAudit(before), stage: before.stage, customerId: before.customerId, leadId: before.leadId }, after: null });
    return { id: before.id };
  });
}
