import { and, eq, type SQL, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import { COMMAND_RATE_LIMITS } from '@/lib/domain/edge/command-limits';
import { commandSupport, type CommandSupport, type EdgeCommandType, type FirmwareVendor } from '@/lib/domain/edge/command-support';
import { MODEL_VENDOR_PAIRS, vendorsRefusing } from '@/lib/domain/edge/firmware-family';
import type { BulkSelection } from '@/lib/validation/bulk-actions';
import { type Db, queryRows } from '../../client';
import { edgeCommandBatches, edgeDevices, minerModels, miners } from '../../schema';
import { recordAudit } from '../admin/audit';
import { filterWhere } from '../hosting/miners';
import { pgArray } from '../pg-array';
import { minerScope } from '../scope';
import { measuredJoins, measuredWith } from '../telemetry/operational-state';

/**
 * The firmware a miner runs: what the collector last identified (miner_telemetry_live.vendor), else
 * what its model's vendor names (lib/domain/edge/firmware-family.ts), else null — not known yet.
 */
const familySql = sql.raw(
  `coalesce(lower(lv.vendor), case lower(btrim("miner_models"."vendor")) ${MODEL_VENDOR_PAIRS.map(([v, f]) => `when '${v}' then '${f}'`).join(' ')} else null end)`,
);
const liveJoin = sql`left join miner_telemetry_live lv on lv.miner_id = "miners"."id"`;

/**
 * The CTEs that name the selection: `sel(id, name, site_id, family)`, the miners of the selection
 * the scope may see. A filter is the miner list's own (filterWhere), so "all N matching" is what the
 * list counted; the measured state is computed only when the filter names one (its joins bring the
 * live reading as lv, which the firmware column reads).
 */
export function selectionWith(scope: Scope, selection: BulkSelection, now: Date): SQL {
  if (selection.mode === 'ids') {
    return sql`sel as (
      select "miners"."id", "miners"."name", "miners"."site_id", ${familySql} as family
      from ${miners} join ${minerModels} on ${minerModels.id} = ${miners.modelId} ${liveJoin}
      where ${miners.id} = any(${pgArray(selection.ids)}::uuid[]) and ${minerScope(scope)}
    )`;
  }
  const f = selection.filter;
  const where = and(filterWhere(scope, f), f.status ? eq(miners.status, f.status) : undefined, f.state ? sql`st.state = ${f.state}` : undefined)!;
  if (!f.state) {
    return sql`sel as (
      select "miners"."id", "miners"."name", "miners"."site_id", ${familySql} as family
      from ${miners} join ${minerModels} on ${minerModels.id} = ${miners.modelId} ${liveJoin}
      where ${where}
    )`;
  }
  return sql`${measuredWith(now, scope.orgId)}, sel as (
      select "miners"."id", "miners"."name", "miners"."site_id", ${familySql} as family
      from ${miners} join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      ${measuredJoins(now, scope.orgId)}
      where ${where}
    )`;
}

/** A firmware's miners in a selection; `support` of the command asked (unknown: the collector decides). */
export type FamilyCount = { family: FirmwareVendor | null; miners: number; support: CommandSupport };
export type SelectionPreview = { total: number; acting: number; families: FamilyCount[]; unsupported: { id: string; name: string; family: FirmwareVendor }[] };

/**
 * What the confirmation shows before anything is queued: how many miners the selection holds, per
 * firmware and whether that firmware takes `type`, and the first 50 that would be skipped.
 */
export async function previewSelection(db: Db, scope: Scope, selection: BulkSelection, type: EdgeCommandType | null, now: Date): Promise<SelectionPreview> {
  const refusing = type ? vendorsRefusing(type) : [];
  const rows = await queryRows<{ family: FirmwareVendor | null; miners: number; names: { id: string; name: string }[] | null }>(
    db,
    sql`with ${selectionWith(scope, selection, now)}
      select family, count(*)::int as miners,
        case when family = any(${pgArray(refusing)}::text[])
          then (array_agg(json_build_object('id', id, 'name', name) order by name))[1:50] end as names
      from sel group by family order by count(*) desc, family nulls last`,
  );
  const families = rows.map((r) => ({ family: r.family, miners: r.miners, support: type ? commandSupport(r.family, type) : ('supported' as const) }));
  const unsupported = rows.flatMap((r) => (r.family && r.names ? r.names.map((n) => ({ ...n, family: r.family! })) : [])).slice(0, 50);
  return {
    total: families.reduce((n, f) => n + f.miners, 0),
    acting: families.reduce((n, f) => n + (f.support === 'unsupported' ? 0 : f.miners), 0),
    families,
    unsupported,
  };
}

/** The sites of a selection and every active collector's published key there (to seal a secret to). */
export async function selectionCollectorKeys(db: Db, scope: Scope, selection: BulkSelection, now: Date) {
  return queryRows<{ site_id: string; keys: { publicKey: string; keyVersion: number }[] | null }>(
    db,
    sql`with ${selectionWith(scope, selection, now)}
      select s.site_id,
        (select json_agg(json_build_object('publicKey', d.box_public_key, 'keyVersion', d.box_key_version) order by d.created_at desc)
           from ${edgeDevices} d where d.site_id = s.site_id and d.org_id = ${scope.orgId} and d.revoked_at is null and d.box_public_key is not null) as keys
      from (select distinct site_id from sel) s`,
  );
}

export type SkipReason = 'unsupported' | 'rate_limited' | 'no_collector_key';
export type BatchCommand = { type: EdgeCommandType; params: Record<string, unknown>; ttlS: number };

/**
 * Queues one command for every miner of the selection that can take it, as ONE statement: the
 * selection, the per-miner rate limit (an upsert per miner that only counts while under the limit:
 * a miner at its limit is skipped, not the batch refused) and an INSERT … SELECT of the commands;
 * what was queued comes back through a hash join on the RETURNING rows (an EXISTS per miner in the
 * select list was a subplan scanning them all: 4 s at 6,000 miners).
 * Miners whose firmware refuses the command (lib/domain/edge/command-support.ts), and (when `sealedBySite` is given) those
 * on a site with no collector key to seal to, are skipped. One batch row, one audit entry; `params`
 * must hold no secret (a pool password comes sealed, per site, in `sealedBySite`).
 */
export async function queueBatch(
  db: Db,
  scope: Scope,
  actorUserId: string | null,
  input: { batchId: string; selection: BulkSelection; command: BatchCommand; sealedBySite?: Record<string, Record<string, unknown>> },
  now: Date,
) {
  const { batchId, selection, command } = input;
  const refusing = pgArray(vendorsRefusing(command.type));
  const limit = command.type === 'REBOOT' ? COMMAND_RATE_LIMITS.REBOOT : COMMAND_RATE_LIMITS.other;
  const bucket = command.type === 'REBOOT' ? 'reboot' : 'other';
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - limit.windowS * 1000).toISOString()}::timestamptz`;
  const sealed = input.sealedBySite;
  const keyed = sealed ? sql`and site_id = any(${pgArray(Object.keys(sealed))}::uuid[])` : sql``;
  const params = sealed ? sql`${JSON.stringify(command.params)}::jsonb || (${JSON.stringify(sealed)}::jsonb -> e.site_id::text)` : sql`${JSON.stringify(command.params)}::jsonb`;

  return db.transaction(async (tx) => {
    // The CTEs' row estimates multiply (tens of millions for 6,000 miners), which crosses
    // jit_above_cost: compiling the plan took 1.5 s of a statement that runs in 0.5 s.
    await tx.execute(sql`set local jit = off`);
    await tx.insert(edgeCommandBatches).values({
      id: batchId,
      orgId: scope.orgId,
      commandType: command.type,
      params: command.params,
      selection: selection.mode === 'ids' ? { ids: selection.ids.length } : { filter: selection.filter },
      matched: 0,
      queued: 0,
      requestedBy: actorUserId,
      createdAt: now,
    });
    const rows = await queryRows<{ id: string; name: string; site_id: string; queued: boolean; eligible: boolean; keyed: boolean }>(
      tx,
      sql`with ${selectionWith(scope, selection, now)},
        eligible as (select * from sel where (family is null or family <> all(${refusing}::text[])) ${keyed}),
        bumped as (
          insert into rate_limit_buckets as b (key, window_start, count)
          select ${`edge-cmd:${bucket}:`} || id::text, ${at}, 1 from eligible
          on conflict (key) do update set
            count = case when b.window_start <= ${windowStart} then 1 else b.count + 1 end,
            window_start = case when b.window_start <= ${windowStart} then ${at} else b.window_start end
          where b.window_start <= ${windowStart} or b.count < ${limit.max}
          returning key
        ),
        ins as (
          insert into edge_commands (org_id, site_id, miner_id, command_type, params, requested_by, created_at, expires_at, batch_id)
          select ${scope.orgId}::uuid, e.site_id, e.id, ${command.type}::edge_command_type, ${params}, ${actorUserId}::uuid, ${at},
            ${new Date(now.getTime() + command.ttlS * 1000).toISOString()}::timestamptz, ${batchId}::uuid
          from eligible e join bumped on bumped.key = ${`edge-cmd:${bucket}:`} || e.id::text
          returning miner_id
        )
      select sel.id, sel.name, sel.site_id, sel.family,
        ins.miner_id is not null as queued,
        (sel.family is null or sel.family <> all(${refusing}::text[])) as eligible,
        ${sealed ? sql`sel.site_id = any(${pgArray(Object.keys(sealed))}::uuid[])` : sql`true`} as keyed
      from sel left join ins on ins.miner_id = sel.id`,
    );
    if (!rows.length) throw new AppError('NOT_FOUND', 'The selection matches no miner');
    const reason = (r: (typeof rows)[number]): SkipReason => (!r.eligible ? 'unsupported' : !r.keyed ? 'no_collector_key' : 'rate_limited');
    const skippedRows = rows.filter((r) => !r.queued);
    const skipped = skippedRows.slice(0, 1000).map((r) => ({ minerId: r.id, name: r.name, reason: reason(r) }));
    const queued = rows.length - skippedRows.length;
    const siteIds = [...new Set(rows.map((r) => r.site_id))];
    const byReason = skippedRows.reduce<Partial<Record<SkipReason, number>>>((acc, r) => ((acc[reason(r)] = (acc[reason(r)] ?? 0) + 1), acc), {});
    await tx.update(edgeCommandBatches).set({ matched: rows.length, queued, skipped, siteIds }).where(eq(edgeCommandBatches.id, batchId));
    await recordAudit(tx, {
      orgId: scope.orgId,
      actorUserId,
      action: 'edge.command.batch',
      entityType: 'edge_command_batch',
      entityId: batchId,
      siteIds,
      after: { type: command.type, params: command.params, selection: selection.mode === 'ids' ? { ids: selection.ids.length } : { filter: selection.filter }, matched: rows.length, queued, skipped: byReason },
    });
    return { batchId, matched: rows.length, queued, skipped: byReason };
  });
}
