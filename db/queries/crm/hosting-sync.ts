import { sql } from 'drizzle-orm';
import type { Writer } from '@/lib/core/principal';
import { hostingRevenue, type HostingNetwork, primaryModel } from '@/lib/domain/crm/hosting-stats';
import { type Db, queryRows } from '../../client';
import { crmSyncRuns, customers, minerModels, miners } from '../../schema';
import { fleetColumns, toFleetFigures } from '../hosting/fleet-columns';
import { inServiceSql } from '../hosting/in-service';
import { pgArray } from '../pg-array';
import { minerScope } from '../scope';
import { measuredJoins, measuredWith } from '../telemetry/operational-state';
import { accountsByEmail, linkEmail } from './hosting-link';
import { crmHostingCustomerWhere } from './scope';

export type SyncTrigger = 'schedule' | 'button' | 'api';
/** Why a customer's sync failed: its e-mail is on another customer of the organization too, so the link is ambiguous. */
export type SyncErrorCode = 'DUPLICATE_EMAIL';
export type SyncOutcome = { customerId: string; result: 'synced' | 'skipped' | 'error'; error?: SyncErrorCode };
export type SyncCounts = { total: number; synced: number; skipped: number; errors: number; changed: number };

type Fields = { count: number | null; model: string | null; sats: number | null; cents: number | null; error: string | null };
type Read = { id: string; user_id: string | null; same_email: number; current: Fields; fleet: Record<string, unknown>[] };

/**
 * Hosting → CRM (seed 002 part "Sync Operations"): for each customer the writer manages (or the one
 * asked for), the units in service, the model with most of them and the expected revenue per day at
 * `network` are written to its record, with the time and no error. A customer with no linked account
 * is skipped and keeps its record; one whose e-mail another customer shares fails (the account would
 * be both's). One statement reads every customer's fleet (the fleet columns every page sums), one
 * writes the rows whose values differ, one records the run under `runKey`: a run repeated with the
 * same key and clock (an Inngest retry) writes nothing, and a run at another time changes only the
 * sync time of records whose figures held.
 */
export async function syncCustomersFromHosting(
  db: Db,
  writer: Writer,
  opts: { customerId?: string; kind: 'batch' | 'customer'; trigger: SyncTrigger; runKey: string; network: HostingNetwork; now: Date },
): Promise<SyncCounts & { outcomes: SyncOutcome[] }> {
  const { scope } = writer;
  const { now } = opts;
  const rows = await queryRows<Read>(
    db,
    sql`with ${measuredWith(now, scope.orgId)},
      accounts as materialized (${accountsByEmail(scope.orgId)}),
      emails as materialized (
        select ${linkEmail(customers.email)} as norm, count(*)::int as n from ${customers}
        where ${customers.orgId} = ${scope.orgId}::uuid and ${customers.email} is not null group by 1
      ),
      target as materialized (
        select ${customers.id} as id, a.user_id, coalesce(e.n, 0) as same_email,
          json_build_object('count', ${customers.hostingMinersCount}, 'model', ${customers.hostingPrimaryModel}, 'sats', ${customers.hostingRevenueSatsPerDay},
            'cents', ${customers.hostingRevenueCentsPerDay}, 'error', ${customers.hostingSyncError}) as current
        from ${customers}
        left join accounts a on a.norm = ${linkEmail(customers.email)}
        left join emails e on e.norm = ${linkEmail(customers.email)}
        where ${crmHostingCustomerWhere(writer)} ${opts.customerId ? sql`and ${customers.id} = ${opts.customerId}::uuid` : sql``}
      ),
      fleet as materialized (
        select ${miners.customerId} as customer_id, ${minerModels.name} as model, grouping(${minerModels.name}) as whole, ${fleetColumns}
        from ${miners}
        inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
        ${measuredJoins(now, scope.orgId)}
        where ${miners.customerId} in (select id from target where user_id is not null) and ${minerScope(scope)} and ${inServiceSql}
        group by grouping sets ((${miners.customerId}), (${miners.customerId}, ${minerModels.name}))
      )
      select t.id, t.user_id, t.same_email, t.current, coalesce(fj.fleet, '[]'::json) as fleet
      from target t left join (select f.customer_id, json_agg(f) as fleet from fleet f group by f.customer_id) fj on fj.customer_id = t.id
      order by t.id`,
  );

  const outcomes: SyncOutcome[] = [];
  const writes: (Fields & { id: string; ok: boolean })[] = [];
  let changed = 0;
  for (const r of rows) {
    const current = parse<Fields>(r.current);
    if (!r.user_id) {
      outcomes.push({ customerId: r.id, result: 'skipped' });
    } else if (r.same_email > 1) {
      outcomes.push({ customerId: r.id, result: 'error', error: 'DUPLICATE_EMAIL' });
      writes.push({ ...current, id: r.id, ok: false, error: 'DUPLICATE_EMAIL' });
    } else {
      const fleet = parse<Record<string, unknown>[]>(r.fleet);
      const whole = toFleetFigures(fleet.find((f) => Number(f.whole) === 1) ?? {});
      const revenue = hostingRevenue(whole.activeThs, opts.network);
      const next: Fields = {
        count: whole.total,
        model: primaryModel(fleet.filter((f) => Number(f.whole) === 0).map((f) => ({ model: String(f.model), units: Number(f.total) }))),
        sats: revenue?.sats ?? null,
        cents: revenue?.cents ?? null,
        error: null,
      };
      if ((['count', 'model', 'sats', 'cents', 'error'] as const).some((k) => (current[k] === null ? null : k === 'model' || k === 'error' ? current[k] : Number(current[k])) !== next[k])) changed++;
      outcomes.push({ customerId: r.id, result: 'synced' });
      writes.push({ ...next, id: r.id, ok: true });
    }
  }
  const counts: SyncCounts = {
    total: rows.length,
    synced: outcomes.filter((o) => o.result === 'synced').length,
    skipped: outcomes.filter((o) => o.result === 'skipped').length,
    errors: outcomes.filter((o) => o.result === 'error').length,
    changed,
  };

  await db.transaction(async (tx) => {
    if (writes.length) await writeFields(tx as unknown as Db, scope.orgId, writes, now);
    await tx
      .insert(crmSyncRuns)
      .values({ orgId: scope.orgId, runKey: opts.runKey, kind: opts.kind, trigger: opts.trigger, userId: writer.userId, startedAt: now, finishedAt: new Date(Math.max(now.getTime(), Date.now())), ...counts })
      .onConflictDoNothing({ target: [crmSyncRuns.orgId, crmSyncRuns.runKey] });
  });
  return { ...counts, outcomes };
}

/**
 * Every written row in one UPDATE from unnested arrays. A failed customer keeps its figures and sync
 * time and gets only its error. Rows already holding these values are left alone (IS DISTINCT FROM),
 * so a repeated run touches nothing. updated_at is the record's edits, not the sync's.
 */
async function writeFields(db: Db, orgId: string, w: (Fields & { id: string; ok: boolean })[], now: Date): Promise<void> {
  const col = <K extends keyof (typeof w)[number]>(k: K) => pgArray(w.map((x) => x[k] as string | number | boolean | null));
  await db.execute(sql`
    update ${customers} c set
      hosting_miners_count = case when v.ok then v.count else c.hosting_miners_count end,
      hosting_primary_model = case when v.ok then v.model else c.hosting_primary_model end,
      hosting_revenue_sats_per_day = case when v.ok then v.sats else c.hosting_revenue_sats_per_day end,
      hosting_revenue_cents_per_day = case when v.ok then v.cents else c.hosting_revenue_cents_per_day end,
      hosting_synced_at = case when v.ok then ${now.toISOString()}::timestamptz else c.hosting_synced_at end,
      hosting_sync_error = v.error
    from unnest(${col('id')}::uuid[], ${col('ok')}::boolean[], ${col('count')}::int[], ${col('model')}::text[], ${col('sats')}::bigint[], ${col('cents')}::bigint[], ${col('error')}::text[])
      as v(id, ok, count, model, sats, cents, error)
    where c.id = v.id and c.org_id = ${orgId}::uuid
      and (case when v.ok then (v.count, v.model, v.sats, v.cents, ${now.toISOString()}::timestamptz) else (c.hosting_miners_count, c.hosting_primary_model, c.hosting_revenue_sats_per_day, c.hosting_revenue_cents_per_day, c.hosting_synced_at) end, v.error)
        is distinct from ((c.hosting_miners_count, c.hosting_primary_model, c.hosting_revenue_sats_per_day, c.hosting_revenue_cents_per_day, c.hosting_synced_at), c.hosting_sync_error)`);
}

function parse<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
