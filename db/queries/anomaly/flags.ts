import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { AnomalyFlag, AnomalyKind } from '@/lib/domain/anomaly/types';
import { type Db, queryRows } from '../../client';
import { anomalyFlags, minerModels, miners, sites } from '../../schema';
import { type PageRequest, pageOf, windowTotal } from '../pagination';
import { minerScope } from '../scope';

/** Organizations with active miners that reported in the last hour: the ones worth evaluating. */
export async function orgsWithRecentTelemetry(db: Db, to: Date): Promise<string[]> {
  const rows = await queryRows<{ org_id: string }>(
    db,
    sql`select distinct h.org_id from telemetry_history_5min h
        where h.bucket >= ${new Date(to.getTime() - 3_600_000).toISOString()}::timestamptz and h.bucket < ${to.toISOString()}::timestamptz order by h.org_id`,
  );
  return rows.map((r) => r.org_id);
}

/**
 * Stores one evaluation of an organization at `at`: every flag found is opened or, while open,
 * refreshed; an open flag not found again is resolved. Idempotent: a re-run with the same flags
 * changes nothing but last_seen_at, and an evaluation older than a flag's last sighting (a late,
 * out-of-order re-run) neither refreshes nor resolves it.
 */
export async function applyFlags(db: Db, orgId: string, flags: AnomalyFlag[], at: Date): Promise<{ opened: number; resolved: number; open: number }> {
  const iso = at.toISOString();
  const json = JSON.stringify(flags.map((f) => ({ miner_id: f.minerId, site_id: f.siteId, kind: f.kind, severity: f.severity, observed: f.observed, unit: f.unit, score: f.score, explain: f.explain })));
  return db.transaction(async (tx) => {
    const upserted = await queryRows<{ fresh: boolean }>(
      tx,
      sql`insert into anomaly_flags (org_id, site_id, miner_id, kind, severity, observed, unit, score, explain, first_seen_at, last_seen_at)
          select ${orgId}::uuid, f.site_id, f.miner_id, f.kind, f.severity::alert_severity, f.observed, f.unit, f.score, f.explain, ${iso}::timestamptz, ${iso}::timestamptz
          from jsonb_to_recordset(${json}::jsonb) as f(miner_id uuid, site_id uuid, kind text, severity text, observed float8, unit text, score real, explain jsonb)
          join miners m on m.id = f.miner_id and m.org_id = ${orgId}
          on conflict (miner_id, kind) where resolved_at is null
          do update set severity = excluded.severity, observed = excluded.observed, unit = excluded.unit, score = excluded.score, explain = excluded.explain, last_seen_at = excluded.last_seen_at
            where anomaly_flags.last_seen_at <= excluded.last_seen_at
          returning (xmax = 0) as fresh`,
    );
    const resolved = await queryRows<{ id: string }>(
      tx,
      sql`update anomaly_flags a set resolved_at = ${iso}::timestamptz
          where a.org_id = ${orgId} and a.resolved_at is null and a.last_seen_at < ${iso}::timestamptz
            and not exists (select 1 from jsonb_to_recordset(${json}::jsonb) as f(miner_id uuid, kind text) where f.miner_id = a.miner_id and f.kind = a.kind)
          returning a.id`,
    );
    return { opened: upserted.filter((r) => r.fresh).length, resolved: resolved.length, open: flags.length };
  });
}

/**
 * The miners with open flags and what an ANOMALY alert rule targets them by (site, model,
 * customer), with their most severe flag's figure as the alert's value ("0 rpm", "92 °C").
 */
export async function openFlagTargets(db: Db, orgId: string) {
  const rows = await queryRows<{ miner_id: string; site_id: string; model_id: number; customer_id: string | null; observed: number; unit: string }>(
    db,
    sql`select distinct on (a.miner_id) a.miner_id, m.site_id, m.model_id, m.customer_id, a.observed, a.unit
        from anomaly_flags a join miners m on m.id = a.miner_id
        where a.org_id = ${orgId} and a.resolved_at is null
        order by a.miner_id, (a.severity = 'critical') desc, a.score desc`,
  );
  return rows.map((r) => ({ minerId: r.miner_id, siteId: r.site_id, modelId: Number(r.model_id), customerId: r.customer_id, value: `${Math.round(Number(r.observed) * 10) / 10} ${r.unit}` }));
}

export type AnomalyFlagFilter = { status?: 'open' | 'resolved'; kind?: AnomalyKind; severity?: 'critical' | 'warning'; siteId?: string };

/** Flags of the miners in scope, most recently seen first; by default the open ones. */
export async function listAnomalyFlags(db: Db, scope: Scope, filter: AnomalyFlagFilter, req: PageRequest) {
  const query = db
    .select({
      id: anomalyFlags.id,
      kind: anomalyFlags.kind,
      severity: anomalyFlags.severity,
      observed: anomalyFlags.observed,
      unit: anomalyFlags.unit,
      score: anomalyFlags.score,
      explain: anomalyFlags.explain,
      firstSeenAt: anomalyFlags.firstSeenAt,
      lastSeenAt: anomalyFlags.lastSeenAt,
      resolvedAt: anomalyFlags.resolvedAt,
      minerId: miners.id,
      minerName: miners.name,
      modelName: minerModels.name,
      siteId: sites.id,
      siteName: sites.name,
      total: windowTotal(),
    })
    .from(anomalyFlags)
    .innerJoin(miners, eq(miners.id, anomalyFlags.minerId))
    .innerJoin(minerModels, eq(minerModels.id, miners.modelId))
    .innerJoin(sites, eq(sites.id, miners.siteId))
    .where(
      and(
        minerScope(scope),
        eq(anomalyFlags.orgId, scope.orgId),
        (filter.status ?? 'open') === 'open' ? isNull(anomalyFlags.resolvedAt) : isNotNull(anomalyFlags.resolvedAt),
        filter.kind ? eq(anomalyFlags.kind, filter.kind) : undefined,
        filter.severity ? eq(anomalyFlags.severity, filter.severity) : undefined,
        filter.siteId ? eq(anomalyFlags.siteId, filter.siteId) : undefined,
      ),
    )
    .orderBy(desc(anomalyFlags.lastSeenAt), desc(anomalyFlags.score), desc(anomalyFlags.id));
  return pageOf(req, query);
}
