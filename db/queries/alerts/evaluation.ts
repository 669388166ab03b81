import { sql } from 'drizzle-orm';
import type { RuleKind } from '@/lib/domain/alerts/rule-kinds';
import { type Db, queryRows } from '../../client';
import { normalizeRole } from '@/lib/core/roles';

/*
 * What the alert job reads and writes. Cross-tenant on purpose: it is a system job evaluating
 * every user's rules against the one network snapshot; each rule carries its own org and user.
 */

export type AlertSnapshot = {
  bucketStart: string;
  btcPriceUsd: number;
  difficulty: number;
  hashpriceBtcPerPhDay: number;
  hashpriceUsdPerPhDay: number;
  /** The last stored difficulty different from this one: the previous epoch's. */
  previousEpochDifficulty: number | null;
};

export async function loadAlertSnapshot(db: Db, bucketStart: string): Promise<AlertSnapshot | null> {
  const rows = await queryRows<Record<string, string | null>>(
    db,
    sql`select s.bucket_start, s.btc_price_usd::text, s.difficulty::text, s.hashprice_btc_per_ph_day::text, s.hashprice_usd_per_ph_day::text,
        (select p.difficulty::text from network_snapshots p
          where p.bucket_start < s.bucket_start and p.difficulty <> s.difficulty
          order by p.bucket_start desc limit 1) as previous_epoch_difficulty
      from network_snapshots s where s.bucket_start = ${bucketStart}::timestamptz`,
  );
  const r = rows[0];
  if (!r) return null;
  return {
    bucketStart: new Date(r.bucket_start as unknown as string).toISOString(),
    btcPriceUsd: Number(r.btc_price_usd),
    difficulty: Number(r.difficulty),
    hashpriceBtcPerPhDay: Number(r.hashprice_btc_per_ph_day),
    hashpriceUsdPerPhDay: Number(r.hashprice_usd_per_ph_day),
    previousEpochDifficulty: r.previous_epoch_difficulty === null ? null : Number(r.previous_epoch_difficulty),
  };
}

export type RuleForEvaluation = {
  id: string;
  orgId: string;
  userId: string;
  locale: string;
  kind: RuleKind;
  threshold: number;
  state: 'armed' | 'breached';
  breachedBucket: string | null;
  lastEvaluatedBucket: string | null;
  fleet: { hashrateThs: number; efficiencyJPerTh: number; electricityUsdPerKwh: number } | null;
  channelIds: string[];
  /** For a CLIENT whose customer belongs to an enabled white-label brand: the brand's name, which its messages carry. */
  brandName: string | null;
};

/**
 * Every rule of an active user, with their settings, channel ids (never secrets: this is step
 * output) and the brand a CLIENT's customer belongs to (customers are linked to a CLIENT by email,
 * unique within an organization).
 */
export async function listRulesForEvaluation(db: Db): Promise<RuleForEvaluation[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select r.id, r.org_id, r.user_id, u.locale, r.kind, r.threshold::text, r.state, r.breached_bucket, r.last_evaluated_bucket,
        m.hashrate_ths::text, m.efficiency_j_per_th::text, m.electricity_usd_per_kwh::text,
        coalesce((select json_agg(c.channel_id) from profitability_alert_rule_channels c where c.rule_id = r.id), '[]'::json) as channel_ids,
        (select ms.role from memberships ms where ms.user_id = r.user_id and ms.org_id = r.org_id limit 1) as role,
        (select b.display_name from customers cu join brands b on b.id = cu.brand_id and b.enabled
          where cu.org_id = r.org_id and cu.email = u.email limit 1) as brand_name
      from profitability_alert_rules r
      join users u on u.id = r.user_id and u.disabled_at is null
      left join user_mining_settings m on m.user_id = r.user_id
      order by r.id`,
  );
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
  return rows.map((r) => ({
    id: r.id as string,
    orgId: r.org_id as string,
    userId: r.user_id as string,
    locale: r.locale as string,
    kind: r.kind as RuleForEvaluation['kind'],
    threshold: Number(r.threshold),
    state: r.state as 'armed' | 'breached',
    breachedBucket: iso(r.breached_bucket),
    lastEvaluatedBucket: iso(r.last_evaluated_bucket),
    fleet: r.hashrate_ths === null ? null : { hashrateThs: Number(r.hashrate_ths), efficiencyJPerTh: Number(r.efficiency_j_per_th), electricityUsdPerKwh: Number(r.electricity_usd_per_kwh) },
    channelIds: (typeof r.channel_ids === 'string' ? JSON.parse(r.channel_ids) : r.channel_ids) as string[],
    brandName: normalizeRole(r.role as string | null) === 'CLIENT' ? ((r.brand_name as string | null) ?? null) : null,
  }));
}

export type RuleUpdate = { id: string; state: 'armed' | 'breached'; action: string; value: number };

/**
 * Records one bucket's decisions in a single statement. A rule already evaluated for a later
 * bucket is left alone, so an out-of-order or repeated event cannot move its state backwards.
 */
export async function applyRuleUpdates(db: Db, bucketStart: string, updates: RuleUpdate[]): Promise<number> {
  if (updates.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update profitability_alert_rules r set
        state = v.state::alerts_rule_state,
        state_changed_at = case when r.state::text <> v.state then now() else r.state_changed_at end,
        breached_bucket = case when v.action = 'breach' then ${bucketStart}::timestamptz when v.state = 'armed' then null else r.breached_bucket end,
        last_evaluated_bucket = ${bucketStart}::timestamptz,
        last_value = v.value,
        updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id uuid, state text, action text, value numeric)
      where r.id = v.id and (r.last_evaluated_bucket is null or r.last_evaluated_bucket <= ${bucketStart}::timestamptz)
      returning r.id`,
  );
  return rows.length;
}
