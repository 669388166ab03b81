import { type Costs, type Fill, satsForNetCents, sellSats, shareOf } from './sale';

/*
 * Sell-strategy templates. Each is a typed parameter set and one rule: given the day (or, for this
 * month's action, the live position) it says what to sell — a number of sats, or the sats that net
 * a number of cents. The backtest (backtest.ts) and the recommendation below read the same rules.
 * Shares are integer basis points (2,500 = 25 %), money integer cents, BTC integer sats.
 */

export const PERIODS = ['day', 'week', 'month'] as const;
export type Period = (typeof PERIODS)[number];

export type Rung = { priceCents: number; sellBps: number };
export type Layer = { markupBps: number; sellBps: number };

export type StrategyParams =
  | { kind: 'hold' }
  /** Sell a fixed number of sats on the first day of each period. */
  | { kind: 'dcaBtc'; sats: number; every: Period }
  /** Sell the sats that net a fixed number of cents on the first day of each period. */
  | { kind: 'dcaUsd'; cents: number; every: Period }
  /** On the month's last day, sell what nets the month's costs plus a buffer. */
  | { kind: 'coverOpex'; bufferBps: number }
  /** Each rung fires once, the first day the close reaches its price, selling its share of the holdings then. */
  | { kind: 'priceLadder'; rungs: Rung[] }
  /** Each layer fires at most once a calendar month, on a day the close is at least cost basis · (1 + markup), selling its share of the holdings. */
  | { kind: 'aboveCost'; layers: Layer[] }
  /** Every day the hashprice is above (or below) the threshold, sell a share of that day's production. */
  | { kind: 'hashprice'; thresholdUsdPerPhDay: number; direction: 'above' | 'below'; sellBps: number };

export type StrategyKind = StrategyParams['kind'];
export const STRATEGY_KINDS = ['hold', 'dcaBtc', 'dcaUsd', 'coverOpex', 'priceLadder', 'aboveCost', 'hashprice'] as const satisfies readonly StrategyKind[];

/** Starting parameters of each template (the page's defaults; a user changes them). */
export const DEFAULT_PARAMS: { [K in StrategyKind]: Extract<StrategyParams, { kind: K }> } = {
  hold: { kind: 'hold' },
  dcaBtc: { kind: 'dcaBtc', sats: 1_000_000, every: 'week' },
  dcaUsd: { kind: 'dcaUsd', cents: 5_000_00, every: 'week' },
  coverOpex: { kind: 'coverOpex', bufferBps: 1_000 },
  priceLadder: {
    kind: 'priceLadder',
    rungs: [
      { priceCents: 80_000_00, sellBps: 1_000 },
      { priceCents: 100_000_00, sellBps: 2_000 },
      { priceCents: 120_000_00, sellBps: 3_000 },
    ],
  },
  aboveCost: {
    kind: 'aboveCost',
    layers: [
      { markupBps: 5_000, sellBps: 1_000 },
      { markupBps: 10_000, sellBps: 2_000 },
    ],
  },
  hashprice: { kind: 'hashprice', thresholdUsdPerPhDay: 50, direction: 'above', sellBps: 10_000 },
};

/** What a rule sees on a day of the backtest, after the day's production and costs are booked. */
export type DayContext = {
  day: string;
  closeCentsPerBtc: number;
  producedSats: number;
  btcSats: number;
  /** The costs booked so far in the day's calendar month (this day included). */
  monthCostsCents: number;
  /** Average production cost so far: costs · 1e8 / sats produced; null before anything is produced. */
  costBasisCentsPerBtc: number | null;
  hashpriceUsdPerPhDay: number | null;
  /** The first day of the series, or the first day of a new day / ISO week / month. */
  startsPeriod: Record<Period, boolean>;
  /** The last day of the series or of its calendar month. */
  endsMonth: boolean;
};

export type Order = { sats: number } | { netCents: number };

/** A rule with its own memory (fired rungs, layers used this month); one per backtest run. */
export type Rule = (ctx: DayContext) => Order[];

export function makeRule(p: StrategyParams): Rule {
  switch (p.kind) {
    case 'hold':
      return () => [];
    case 'dcaBtc':
      return (c) => (c.startsPeriod[p.every] ? [{ sats: p.sats }] : []);
    case 'dcaUsd':
      return (c) => (c.startsPeriod[p.every] ? [{ netCents: p.cents }] : []);
    case 'coverOpex':
      return (c) => (c.endsMonth && c.monthCostsCents > 0 ? [{ netCents: c.monthCostsCents + shareOf(c.monthCostsCents, p.bufferBps) }] : []);
    case 'priceLadder': {
      const fired = new Set<number>();
      const rungs = [...p.rungs].sort((a, b) => a.priceCents - b.priceCents);
      return (c) => {
        const out: Order[] = [];
        let held = c.btcSats;
        rungs.forEach((r, i) => {
          if (fired.has(i) || c.closeCentsPerBtc < r.priceCents) return;
          fired.add(i);
          const sats = shareOf(held, r.sellBps);
          held -= sats;
          out.push({ sats });
        });
        return out;
      };
    }
    case 'aboveCost': {
      const lastMonth = new Map<number, string>();
      const layers = [...p.layers].sort((a, b) => a.markupBps - b.markupBps);
      return (c) => {
        if (c.costBasisCentsPerBtc === null) return [];
        const month = c.day.slice(0, 7);
        const out: Order[] = [];
        let held = c.btcSats;
        layers.forEach((l, i) => {
          if (lastMonth.get(i) === month || c.closeCentsPerBtc < c.costBasisCentsPerBtc! + shareOf(c.costBasisCentsPerBtc!, l.markupBps)) return;
          lastMonth.set(i, month);
          const sats = shareOf(held, l.sellBps);
          held -= sats;
          out.push({ sats });
        });
        return out;
      };
    }
    case 'hashprice':
      return (c) => {
        const h = c.hashpriceUsdPerPhDay;
        if (h === null) return [];
        const hit = p.direction === 'above' ? h > p.thresholdUsdPerPhDay : h < p.thresholdUsdPerPhDay;
        return hit ? [{ sats: shareOf(c.producedSats, p.sellBps) }] : [];
      };
  }
}

/** The live position this month's action is worked out from (the treasury ledger's figures). */
export type StrategyPosition = {
  /** YYYY-MM, the month the action is for. */
  month: string;
  btcSats: number;
  priceCentsPerBtc: number;
  costBasisCentsPerBtc: number | null;
  /** The month's costs (energy, hosting, other opex); null when the ledger has none for it. */
  monthCostsCents: number | null;
  /** BTC produced (or expected) this month; null when unknown. */
  monthProducedSats: number | null;
  hashpriceUsdPerPhDay: number | null;
};

/** `reason` is a message key (Treasury.Backtest.reason.*), `values` its numbers, so the page translates it. */
export type Action = {
  sell: Fill | null;
  reason: string;
  values: Record<string, number | string>;
};

/** How many periods of a kind start in a month (days, Mondays, 1). */
export function periodsInMonth(month: string, every: Period): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (every === 'month') return 1;
  if (every === 'day') return days;
  let mondays = 0;
  for (let d = 1; d <= days; d++) if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 1) mondays++;
  return mondays;
}

/**
 * This month's recommended action from the live position, by the same rule as the backtest, at the
 * position's price, capped at the BTC held. A ladder or layer counts as not yet used this month (the
 * ledger keeps sales, not which rule made them), so the user sees what the rule asks for today.
 */
export function recommendAction(p: StrategyParams, pos: StrategyPosition, costs: Costs): Action {
  const price = pos.priceCentsPerBtc;
  const sell = (sats: number, reason: string, values: Action['values'] = {}): Action => {
    const s = Math.min(sats, pos.btcSats);
    return s > 0 ? { sell: sellSats(s, price, costs), reason, values } : { sell: null, reason: pos.btcSats > 0 ? reason : 'nothingHeld', values };
  };
  switch (p.kind) {
    case 'hold':
      return { sell: null, reason: 'hold', values: {} };
    case 'dcaBtc': {
      const n = periodsInMonth(pos.month, p.every);
      return sell(p.sats * n, 'dcaBtc', { periods: n });
    }
    case 'dcaUsd': {
      const n = periodsInMonth(pos.month, p.every);
      return sell(satsForNetCents(p.cents * n, price, costs), 'dcaUsd', { periods: n });
    }
    case 'coverOpex':
      if (pos.monthCostsCents === null) return { sell: null, reason: 'noCosts', values: {} };
      return sell(satsForNetCents(pos.monthCostsCents + shareOf(pos.monthCostsCents, p.bufferBps), price, costs), 'coverOpex', { costsCents: pos.monthCostsCents });
    case 'priceLadder': {
      const reached = [...p.rungs].sort((a, b) => a.priceCents - b.priceCents).filter((r) => price >= r.priceCents);
      const next = p.rungs.filter((r) => price < r.priceCents).sort((a, b) => a.priceCents - b.priceCents)[0];
      const nextValues: Action['values'] = next ? { nextPriceCents: next.priceCents } : {};
      if (!reached.length) return { sell: null, reason: next ? 'ladderWait' : 'ladderNone', values: nextValues };
      let held = pos.btcSats;
      for (const r of reached) held -= shareOf(held, r.sellBps);
      return sell(pos.btcSats - held, 'ladder', { rungs: reached.length, ...nextValues });
    }
    case 'aboveCost': {
      const basis = pos.costBasisCentsPerBtc;
      if (basis === null) return { sell: null, reason: 'noCostBasis', values: {} };
      let held = pos.btcSats;
      const hit = [...p.layers].sort((a, b) => a.markupBps - b.markupBps).filter((l) => price >= basis + shareOf(basis, l.markupBps));
      if (!hit.length) return { sell: null, reason: 'belowLayers', values: { basisCents: basis } };
      for (const l of hit) held -= shareOf(held, l.sellBps);
      return sell(pos.btcSats - held, 'aboveCost', { layers: hit.length, basisCents: basis });
    }
    case 'hashprice': {
      const h = pos.hashpriceUsdPerPhDay;
      if (h === null || pos.monthProducedSats === null) return { sell: null, reason: 'noHashprice', values: {} };
      const hit = p.direction === 'above' ? h > p.thresholdUsdPerPhDay : h < p.thresholdUsdPerPhDay;
      if (!hit) return { sell: null, reason: 'hashpriceHold', values: {} };
      return sell(shareOf(pos.monthProducedSats, p.sellBps), 'hashprice', {});
    }
  }
}
