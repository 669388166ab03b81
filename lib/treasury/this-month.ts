import type { Db } from '@/db/client';
import { getTreasuryPosition } from '@/db/queries/treasury/position';
import type { Scope } from '@/lib/core/scope';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { hashpriceFromNetwork } from '@/lib/domain/mining/personal';
import type { Costs } from '@/lib/domain/treasury/sale';
import { type Action, recommendAction, type StrategyParams, type StrategyPosition } from '@/lib/domain/treasury/strategies';

export type ThisMonth = {
  position: StrategyPosition;
  cashCents: number;
  /** The price the actions are worked at, with where and when it was observed. */
  price: { asOf: string; source: string; stale: boolean };
  /** The complete months the monthly costs are the mean of. */
  opexMonths: string[];
  /** The complete month whose pool production stands in for this month's; null when none. */
  producedMonth: string | null;
  actions: Array<{ params: StrategyParams; action: Action }>;
};

/**
 * Each template's action for `now`'s month from the live ledger (getTreasuryPosition): BTC held,
 * average cost basis, the monthly costs (mean of the last complete months with costs), the last
 * complete month's pool production, and the market's current price and hashprice with their as-of.
 * Organization-wide roles only (the ledger refuses the rest).
 */
export async function thisMonthActions(db: Db, scope: Scope, now: Date, network: NetworkSnapshot, strategies: readonly StrategyParams[], costs: Costs): Promise<ThisMonth> {
  const p = await getTreasuryPosition(db, scope, now);
  const month = now.toISOString().slice(0, 7);
  const produced = p.months.filter((m) => m.month < month && m.producedSats !== null).at(-1) ?? null;
  const position: StrategyPosition = {
    month,
    btcSats: p.holdingsSats,
    priceCentsPerBtc: Math.round(network.btcPriceUsd * 100),
    costBasisCentsPerBtc: p.averageCostCentsPerBtc,
    monthCostsCents: p.monthlyOpexCents,
    monthProducedSats: produced?.producedSats ?? null,
    // BTC per TH/s per day · 1,000 = per PH/s, at the price.
    hashpriceUsdPerPhDay: hashpriceFromNetwork(network) * 1_000 * network.btcPriceUsd,
  };
  return {
    position,
    cashCents: p.cashCents,
    price: { asOf: network.asOf, source: network.sources.price ?? network.origin, stale: network.stale },
    opexMonths: p.opexMonths,
    producedMonth: produced?.month ?? null,
    actions: strategies.map((params) => ({ params, action: recommendAction(params, position, costs) })),
  };
}
