import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import type { FeeSite } from '@/lib/domain/hosting/client-earnings';
import { type Db, queryRows } from '../../client';
import { minerModels, miners, sites } from '../../schema';
import { customerDailyEarnings } from '../pool/views';
import { minerScope } from '../scope';
import { measuredJoins, measuredWith } from '../telemetry/operational-state';
import { inServiceSql } from './in-service';

/**
 * What the hosting fee is computed from (lib/domain/hosting/client-earnings.ts): per site, the
 * measured power of the miners in scope that are in service — the same ms.power_w the KPI sums — and
 * the site's client price. Never the host's electricity cost: this feeds the client's own page.
 */
export async function hostingFeeBasis(db: Db, scope: Scope, now = new Date()): Promise<(FeeSite & { siteId: string })[]> {
  const rows = await queryRows<{ site_id: string; power_w: number | string; client_usd_per_kwh: string | null }>(
    db,
    sql`with ${measuredWith(now, scope.orgId)}
      select ${miners.siteId} as site_id, coalesce(sum(ms.power_w), 0)::float8 as power_w, max(${sites.clientUsdPerKwh})::text as client_usd_per_kwh
      from ${miners}
      inner join ${sites} on ${sites.id} = ${miners.siteId}
      inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
      ${measuredJoins(now, scope.orgId)}
      where ${minerScope(scope)} and ${inServiceSql}
      group by ${miners.siteId}
      order by ${miners.siteId}`,
  );
  return rows.map((r) => ({ siteId: r.site_id, powerW: Number(r.power_w), clientUsdPerKwh: r.client_usd_per_kwh === null ? null : Number(r.client_usd_per_kwh) }));
}

/** How far back the portal looks for the pool's last credited day (the daily summary runs at 02:00 UTC). */
const CREDIT_LOOKBACK_DAYS = 7;

/**
 * What the pool credited the customers in scope on its last full day (UTC) with any earnings in the
 * past week, through the worker ↔ miner links (db/queries/pool/views.ts customerDailyEarnings).
 */
export async function poolCreditedLastDay(db: Db, scope: Scope, now = new Date()): Promise<{ day: string; sats: number } | null> {
  const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
  const rows = await customerDailyEarnings(db, scope, { from: day(CREDIT_LOOKBACK_DAYS), to: day(1) });
  const last = rows.at(-1)?.day;
  if (!last) return null;
  return { day: last, sats: rows.filter((r) => r.day === last).reduce((sum, r) => sum + r.earnedSats, 0) };
}
