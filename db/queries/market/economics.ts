import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/core/scope';
import { type NetworkDay } from '@/lib/domain/economics/daily';
import { attachEpochHashrate } from '@/lib/domain/market/history';
import { type Db, queryRows } from '../../client';
import { minerModels, miners, sites } from '../../schema';
import { inServiceSql } from '../hosting/in-service';
import { minerScope } from '../scope';
import { epochsBetween, subsidyBtcSql } from './network-history';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Every day of the network history (from 2009) with what miner economics needs, oldest first, each
 * day joined to the epoch in effect (its average hashrate stands in where the day's is unknown).
 * Not tenant data. ~6,200 rows: the page computes its ribbons and averages on all of them.
 */
export async function networkDays(db: Db): Promise<NetworkDay[]> {
  const rows = await queryRows<Record<string, string | number | null>>(
    db,
    sql`select day::text as day, difficulty, network_hashrate_hs as hashrate, blocks, fees_total_sats, price_close_usd as price, ${subsidyBtcSql(sql`day`)} as subsidy
        from network_daily where difficulty is not null order by day`,
  );
  if (!rows.length) return [];
  const epochs = await epochsBetween(db, String(rows[0]!.day), String(rows.at(-1)!.day));
  const days = rows.map((r) => ({
    t: String(r.day),
    day: String(r.day),
    difficulty: Number(r.difficulty),
    hashrateHs: num(r.hashrate),
    blocks: num(r.blocks),
    feesBtc: r.fees_total_sats === null ? null : Number(r.fees_total_sats) / 1e8,
    subsidyBtc: Number(r.subsidy),
    priceUsd: num(r.price),
  }));
  return attachEpochHashrate(days, epochs).map(({ t: _t, ...d }) => d);
}

export type ModelCost = { model: string; units: number; hashrateThs: number; powerW: number; usdPerKwh: number };

/**
 * The fleet in scope by miner model, at nameplate: units, TH/s and W, and the electricity price
 * weighted by power (each miner's override, else its site's price). Miners in service only.
 * Host costs: call only for roles that may see them.
 */
export async function fleetModelCosts(db: Db, scope: Scope): Promise<ModelCost[]> {
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`select max(${minerModels.name}) as model, sum(${miners.quantity})::int as units,
          sum(${miners.quantity} * ${minerModels.hashrateThs})::float8 as ths,
          sum(${miners.quantity} * ${minerModels.powerW})::float8 as watts,
          (sum(${miners.quantity} * ${minerModels.powerW} * coalesce(${miners.electricityUsdPerKwhOverride}, ${sites.electricityUsdPerKwh}))
            / nullif(sum(${miners.quantity} * ${minerModels.powerW}), 0))::float8 as price
        from ${miners}
        inner join ${sites} on ${sites.id} = ${miners.siteId}
        inner join ${minerModels} on ${minerModels.id} = ${miners.modelId}
        where ${minerScope(scope)} and ${inServiceSql}
        group by ${minerModels.id}
        order by ths desc`,
  );
  return rows.map((r) => ({ model: String(r.model), units: Number(r.units), hashrateThs: Number(r.ths), powerW: Number(r.watts), usdPerKwh: Number(r.price ?? 0) }));
}
