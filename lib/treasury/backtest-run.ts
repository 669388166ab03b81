import { dailyCloses } from '@/db/queries/market/daily-closes';
import { fleetModelCosts, networkDays } from '@/db/queries/market/economics';
import { dailyPoolEarningsSats } from '@/db/queries/pool/daily-earnings';
import type { Db } from '@/db/client';
import { BUNDLED_DAILY_SOURCE } from '@/db/seed/market';
import type { Scope } from '@/lib/core/scope';
import { type BacktestDay, type BacktestRun, compareStrategies, twapCentsPerBtc } from '@/lib/domain/treasury/backtest';
import { buildBacktestDays, type FleetLine, toRanges } from '@/lib/domain/treasury/backtest-input';
import { HALVINGS } from '@/lib/domain/market/halving';
import { type BacktestQuery, strategiesOf } from '@/lib/validation/treasury-backtest';

export type BacktestResult = {
  query: BacktestQuery;
  /** The organization's fleet in service (units as held), and the units the run used. */
  fleet: FleetLine[];
  usedFleet: FleetLine[];
  days: BacktestDay[];
  runs: BacktestRun[];
  twapCentsPerBtc: number | null;
  startCashCents: number;
  feesCarried: Array<{ from: string; to: string }>;
  prices: { bundledDays: number; fetchedDays: number };
  halvings: Array<{ height: number; day: string }>;
};

/** Three months of the fleet's costs: the starting cash when the form leaves it blank. */
const DEFAULT_CASH_DAYS = 90;

/**
 * A backtest of the chosen templates over stored history for the organization's fleet (counts
 * changed by the form). Host costs: only for staff with treasury:backtest. Throws HISTORY_MISSING
 * (422, with the ranges) when the period runs past the stored prices or network history.
 */
export async function runTreasuryBacktest(db: Db, scope: Scope, query: BacktestQuery): Promise<BacktestResult> {
  const [models, history, closes, pool] = await Promise.all([
    fleetModelCosts(db, scope),
    networkDays(db),
    dailyCloses(db, query.from, query.to),
    query.production === 'pool' ? dailyPoolEarningsSats(db, scope, query.from, query.to) : undefined,
  ]);
  const fleet: FleetLine[] = models.map((m) => ({ model: m.model, count: m.units, hashrateThs: m.units ? m.hashrateThs / m.units : 0, powerW: m.units ? m.powerW / m.units : 0, usdPerKwh: m.usdPerKwh }));
  const usedFleet = fleet.map((f, i) => ({ ...f, count: query.n[i] ?? f.count }));
  const { days, feesCarriedDays } = buildBacktestDays(
    { from: query.from, to: query.to },
    history,
    new Map(closes.map((c) => [c.day, c.closeUsd])),
    { fleet: usedFleet, poolFeeBps: query.poolFee, uptimeBps: query.uptime, otherCostsCentsPerMonth: query.other },
    pool,
  );
  const startCashCents = query.startCash ?? days.slice(0, DEFAULT_CASH_DAYS).reduce((s, d) => s + d.costsCents, 0);
  const runs = compareStrategies(strategiesOf(query), days, { btcSats: query.startBtc, cashCents: startCashCents }, { feeBps: query.fee, slippageBps: query.slip });
  const bundledDays = closes.filter((c) => c.source.includes(BUNDLED_DAILY_SOURCE)).length;
  return {
    query,
    fleet,
    usedFleet,
    days,
    runs,
    twapCentsPerBtc: twapCentsPerBtc(days),
    startCashCents,
    feesCarried: toRanges(feesCarriedDays),
    prices: { bundledDays, fetchedDays: closes.length - bundledDays },
    halvings: HALVINGS.map((h) => ({ height: h.height, day: h.at.slice(0, 10) })).filter((h) => h.day >= query.from && h.day <= query.to),
  };
}
