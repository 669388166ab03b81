import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { RunState } from '@/lib/domain/power/curtailment/execution';
import type { CurtailPlan, CurtailMiner, CurtailTarget } from '@/lib/domain/power/curtailment/types';
import { waveOf } from '@/lib/domain/power/curtailment/execution';
import { type Db, queryRows } from '../../client';
import { slaDueAt } from '@/lib/domain/hosting/ticket-sla';
import { curtailmentEventMiners, curtailmentEvents, tickets } from '../../schema';
import { recordAudit } from '../admin/audit';
import { scopeWhere } from '../scope';

/** A command that has not reached its miner in this long is dropped (the collector polls every few seconds). */
const COMMAND_TTL_S = 600;

export type NewEvent = {
  siteId: string;
  trigger: string;
  windowId?: string | null;
  target: CurtailTarget;
  emergency: boolean;
  perMinute: number;
  endsAt: Date | null;
  hashpriceUsdPerPhDay: number | null;
  tariffMcPerKwh: number | null;
  /** The site's minimum off time (site_curtailment_settings): recovery waits for it. */
  minOffMinutes?: number;
};

/** Records a planned curtailment and its miners with their waves, in one transaction, audited. */
export async function createCurtailmentEvent(db: Db, scope: Scope, actorUserId: string | null, input: NewEvent, plan: CurtailPlan, fleet: CurtailMiner[], now: Date) {
  const byId = new Map(fleet.map((m) => [m.id, m]));
  const waves = plan.actions.length ? waveOf(plan.actions.length - 1, input.perMinute, input.emergency) + 1 : 0;
  return db.transaction(async (tx) => {
    const [event] = await tx
      .insert(curtailmentEvents)
      .values({
        orgId: scope.orgId,
        siteId: input.siteId,
        trigger: input.trigger,
        windowId: input.windowId ?? null,
        strategy: plan.strategy,
        targetKind: input.target.kind,
        targetKw: String(input.target.kw),
        emergency: input.emergency,
        perMinute: input.perMinute,
        status: 'curtailing',
        requestedBy: actorUserId,
        createdAt: now,
        endsAt: input.endsAt,
        baselineW: Math.round(plan.beforeW),
        requestedShedW: Math.round(plan.requestedShedW),
        plannedShedW: Math.round(plan.shedW),
        hashpriceUsdPerPhDay: input.hashpriceUsdPerPhDay === null ? null : String(input.hashpriceUsdPerPhDay),
        tariffMcPerKwh: input.tariffMcPerKwh,
        minOffMinutes: input.minOffMinutes ?? 0,
        waves,
      })
      .returning({ id: curtailmentEvents.id });
    const id = event!.id;
    if (plan.actions.length) {
      await tx.insert(curtailmentEventMiners).values(
        plan.actions.map((a, i) => {
          const m = byId.get(a.minerId)!;
          return {
            eventId: id,
            minerId: a.minerId,
            action: a.kind,
            powerTargetW: a.kind === 'power_target' ? Math.round(a.powerW) : null,
            wave: waveOf(i, input.perMinute, input.emergency),
            prePowerW: m.powerW,
            preHashrateThs: m.hashrateThs,
          };
        }),
      );
    }
    await recordAudit(tx, {
      orgId: scope.orgId,
      actorUserId,
      action: 'power.curtailment.start',
      entityType: 'curtailment_event',
      entityId: id,
      siteIds: [input.siteId],
      after: { strategy: plan.strategy, target: input.target, emergency: input.emergency, perMinute: input.perMinute, miners: plan.actions.length, plannedShedW: Math.round(plan.shedW) },
    });
    return { id, waves, miners: plan.actions.length };
  });
}

export type OpenEvent = RunState & { id: string; orgId: string; siteId: string; baselineW: number; requestedShedW: number; plannedShedW: number; requestedBy: string | null };

/** Every curtailment not completed yet, for the minute job (not tenant-scoped: the job serves them all). */
export async function openCurtailmentEvents(db: Db): Promise<OpenEvent[]> {
  const rows = await db.select().from(curtailmentEvents).where(ne(curtailmentEvents.status, 'completed'));
  return rows.map((r) => ({ ...r }));
}

/**
 * Queues one wave's commands — sleep or a power target to curtail; wake or the power it drew before to
 * restore — as one INSERT … SELECT, and links each miner to its command. A wave already queued is
 * not queued again (the miner's command id is set), so a re-run of the step changes nothing.
 */
export async function queueCurtailmentWave(db: Db, eventId: string, wave: number, phase: 'curtail' | 'restore', now: Date): Promise<number> {
  const column = phase === 'curtail' ? sql.raw('curtail_command_id') : sql.raw('restore_command_id');
  const type =
    phase === 'curtail'
      ? sql`case when em.action = 'sleep' then 'SLEEP' else 'SET_POWER_TARGET' end::edge_command_type`
      : sql`case when em.action = 'sleep' then 'WAKE' else 'SET_POWER_TARGET' end::edge_command_type`;
  const params =
    phase === 'curtail'
      ? sql`case when em.action = 'sleep' then '{}'::jsonb else jsonb_build_object('watts', em.power_target_w) end`
      : sql`case when em.action = 'sleep' then '{}'::jsonb else jsonb_build_object('watts', round(em.pre_power_w)::int) end`;
  // Restore only what was curtailed: a miner whose curtail command was never queued is left alone.
  const restorable = phase === 'restore' ? sql`and em.curtail_command_id is not null` : sql``;
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with ins as (
          insert into edge_commands (org_id, site_id, miner_id, command_type, params, requested_by, created_at, expires_at)
          select e.org_id, e.site_id, em.miner_id, ${type}, ${params}, e.requested_by, ${now.toISOString()}::timestamptz,
                 ${new Date(now.getTime() + COMMAND_TTL_S * 1000).toISOString()}::timestamptz
          from curtailment_event_miners em join curtailment_events e on e.id = em.event_id
          where em.event_id = ${eventId}::uuid and em.wave = ${wave} and em.${column} is null ${restorable}
          returning id, miner_id),
        linked as (
          update curtailment_event_miners em set ${column} = ins.id from ins
          where em.event_id = ${eventId}::uuid and em.miner_id = ins.miner_id returning 1)
        select count(*)::int as n from linked`,
  );
  return rows[0]?.n ?? 0;
}

export async function updateCurtailmentEvent(db: Db, id: string, set: Partial<typeof curtailmentEvents.$inferInsert>) {
  await db.update(curtailmentEvents).set(set).where(eq(curtailmentEvents.id, id));
}

export type EventMinerReading = { minerId: string; action: string; powerTargetW: number | null; prePowerW: number; preHashrateThs: number; nowW: number | null; nowThs: number | null; siteId: string; customerId: string | null; name: string };

/** Each curtailed miner's figures before and its live reading now (null when not fresh or offline). */
export async function eventMinerReadings(db: Db, eventId: string, now: Date, freshMs: number): Promise<EventMinerReading[]> {
  const fresh = new Date(now.getTime() - freshMs).toISOString();
  return queryRows<EventMinerReading>(
    db,
    sql`select em.miner_id as "minerId", em.action, em.power_target_w as "powerTargetW", em.pre_power_w as "prePowerW", em.pre_hashrate_ths as "preHashrateThs",
          case when l.collected_at >= ${fresh}::timestamptz then coalesce(l.power_w, case when l.online then null else 0 end) end as "nowW",
          case when l.collected_at >= ${fresh}::timestamptz then case when l.online then coalesce(l.hashrate_avg_ths, l.hashrate5s_ths) else 0 end end as "nowThs",
          m.site_id as "siteId", m.customer_id as "customerId", m.name
        from curtailment_event_miners em join miners m on m.id = em.miner_id
        left join miner_telemetry_live l on l.miner_id = em.miner_id
        where em.event_id = ${eventId}::uuid and em.curtail_command_id is not null
        order by em.wave, em.miner_id`,
  );
}

/** Records each miner's recovery check (and its ticket) in one statement. */
export async function recordRecoveries(db: Db, eventId: string, results: { minerId: string; recovered: boolean; hashrateThs: number | null; ticketId: string | null }[]) {
  if (!results.length) return;
  await db.execute(sql`
    update curtailment_event_miners em set recovered = r.recovered, recovered_hashrate_ths = r.ths, ticket_id = r.ticket
    from jsonb_to_recordset(${JSON.stringify(results.map((r) => ({ miner: r.minerId, recovered: r.recovered, ths: r.hashrateThs, ticket: r.ticketId })))}::jsonb)
      as r(miner uuid, recovered boolean, ths real, ticket uuid)
    where em.event_id = ${eventId}::uuid and em.miner_id = r.miner`);
}

/** Shed power per five-minute bucket over the event: each curtailed miner's draw before minus its bucket average. */
export async function measuredShed(db: Db, eventId: string, from: Date, to: Date): Promise<{ bucket: string; shedW: number; shedThs: number }[]> {
  const rows = await queryRows<{ bucket: Date | string; shed_w: number; shed_ths: number }>(
    db,
    sql`select t.bucket, sum(em.pre_power_w - coalesce(t.power_avg_w * t.online_ratio, 0)) as shed_w,
               sum(em.pre_hashrate_ths - coalesce(t.hashrate_avg_ths * t.online_ratio, 0)) as shed_ths
        from curtailment_event_miners em
        join telemetry_history_5min t on t.miner_id = em.miner_id and t.bucket >= ${from.toISOString()}::timestamptz and t.bucket < ${to.toISOString()}::timestamptz
        where em.event_id = ${eventId}::uuid and em.curtail_command_id is not null
        group by t.bucket order by t.bucket`,
  );
  return rows.map((r) => ({ bucket: new Date(r.bucket).toISOString(), shedW: Math.max(0, Number(r.shed_w)), shedThs: Math.max(0, Number(r.shed_ths)) }));
}

/** A site's curtailments, newest first, under the actor's scope. */
export async function listCurtailmentEvents(db: Db, scope: Scope, filter: { siteId?: string }, limit = 50) {
  return db
    .select()
    .from(curtailmentEvents)
    .where(and(scopeWhere({ orgId: curtailmentEvents.orgId, siteId: curtailmentEvents.siteId }, scope), filter.siteId ? eq(curtailmentEvents.siteId, filter.siteId) : undefined))
    .orderBy(desc(curtailmentEvents.createdAt))
    .limit(limit);
}

/** Asks a running curtailment to stop: the minute job starts its recovery. */
export async function requestCurtailmentStop(db: Db, scope: Scope, actorUserId: string | null, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(curtailmentEvents)
    .set({ stopRequestedAt: now })
    .where(and(eq(curtailmentEvents.id, id), scopeWhere({ orgId: curtailmentEvents.orgId, siteId: curtailmentEvents.siteId }, scope), ne(curtailmentEvents.status, 'completed'), sql`${curtailmentEvents.stopRequestedAt} is null`))
    .returning({ siteId: curtailmentEvents.siteId });
  if (!rows.length) return false;
  await recordAudit(db, { orgId: scope.orgId, actorUserId, action: 'power.curtailment.stop', entityType: 'curtailment_event', entityId: id, siteIds: [rows[0]!.siteId] });
  return true;
}

/**
 * One ticket per miner that did not come back to 90 % of its hashrate after a curtailment, on its
 * site and customer (so site staff and the customer see it as any miner ticket), audited.
 */
export async function openRecoveryTickets(db: Db, event: { id: string; orgId: string }, failed: { minerId: string; siteId: string; customerId: string | null; name: string; preThs: number; nowThs: number | null }[], now: Date) {
  if (!failed.length) return new Map<string, string>();
  const rows = await db
    .insert(tickets)
    .values(
      failed.map((f) => ({
        orgId: event.orgId,
        siteId: f.siteId,
        minerId: f.minerId,
        customerId: f.customerId,
        title: `${f.name}: did not recover after curtailment`,
        body: `Hashrate ${f.nowThs === null ? 'unknown (no reading)' : `${f.nowThs.toFixed(1)} TH/s`} against ${f.preThs.toFixed(1)} TH/s before curtailment ${event.id}; recovery needs 90 %.`,
        priority: 'high' as const,
        slaDueAt: slaDueAt('high', now),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: tickets.id, minerId: tickets.minerId, siteId: tickets.siteId });
  await recordAudit(
    db,
    rows.map((r) => ({ orgId: event.orgId, actorUserId: null, action: 'ticket.create', entityType: 'ticket', entityId: r.id, siteIds: [r.siteId], after: { minerId: r.minerId, curtailmentEventId: event.id } })),
  );
  return new Map(rows.map((r) => [r.minerId!, r.id]));
}
