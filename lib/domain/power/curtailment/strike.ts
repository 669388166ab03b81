/*
 * Strike-price automation (as Foreman runs it): the power price of each five-minute window against a
 * high and a low strike. N consecutive windows above the high strike curtail; M consecutive windows
 * below the low strike resume. A window between the strikes, or without a price, breaks both streaks:
 * nothing is decided on a gap. Either strike may be the hashprice break-even of the fleet at that
 * hour (the price above which mining loses money), so the strike follows the market by itself.
 */

export type Strike = { kind: 'fixed'; usdPerMwh: number } | { kind: 'break_even'; marginUsdPerMwh?: number };
export type StrikeConfig = { high: Strike; low: Strike; curtailAfter: number; resumeAfter: number };
export type StrikeState = { curtailed: boolean; above: number; below: number; lastWindow: string | null };
export const INITIAL_STRIKE_STATE: StrikeState = { curtailed: false, above: 0, below: 0, lastWindow: null };

export type StrikeWindow = { start: string; priceUsdPerMwh: number | null; breakEvenUsdPerMwh: number | null };
export type StrikeDecision = { action: 'curtail' | 'resume' | 'hold' | 'no_data' | 'stale'; state: StrikeState; highUsdPerMwh: number | null; lowUsdPerMwh: number | null };

function strikeValue(s: Strike, breakEven: number | null): number | null {
  if (s.kind === 'fixed') return s.usdPerMwh;
  return breakEven === null ? null : breakEven + (s.marginUsdPerMwh ?? 0);
}

/** Folds one window into the state. Windows must come in order; an old or repeated one changes nothing. */
export function stepStrike(state: StrikeState, config: StrikeConfig, w: StrikeWindow): StrikeDecision {
  const high = strikeValue(config.high, w.breakEvenUsdPerMwh);
  const low = strikeValue(config.low, w.breakEvenUsdPerMwh);
  if (state.lastWindow !== null && w.start <= state.lastWindow) return { action: 'stale', state, highUsdPerMwh: high, lowUsdPerMwh: low };
  if (w.priceUsdPerMwh === null || high === null || low === null) {
    return { action: 'no_data', state: { ...state, above: 0, below: 0, lastWindow: w.start }, highUsdPerMwh: high, lowUsdPerMwh: low };
  }
  const above = w.priceUsdPerMwh > high ? state.above + 1 : 0;
  const below = w.priceUsdPerMwh < low ? state.below + 1 : 0;
  const next = { ...state, above, below, lastWindow: w.start };
  if (!state.curtailed && above >= config.curtailAfter) return { action: 'curtail', state: { ...next, curtailed: true, above: 0, below: 0 }, highUsdPerMwh: high, lowUsdPerMwh: low };
  if (state.curtailed && below >= config.resumeAfter) return { action: 'resume', state: { ...next, curtailed: false, above: 0, below: 0 }, highUsdPerMwh: high, lowUsdPerMwh: low };
  return { action: 'hold', state: next, highUsdPerMwh: high, lowUsdPerMwh: low };
}

/**
 * The power price (USD/MWh) at which a fleet's revenue equals its energy cost at a hashprice: revenue
 * per hour (after the pool fee) over the MW drawn. Null for a fleet that draws nothing.
 */
export function breakEvenUsdPerMwh(fleet: { hashrateThs: number; powerW: number }[], hashpriceUsdPerPhDay: number, poolFeePct = 0): number | null {
  let ths = 0;
  let w = 0;
  for (const m of fleet) {
    ths += m.hashrateThs;
    w += m.powerW;
  }
  if (w <= 0) return null;
  const usdPerHour = ((ths / 1000) * hashpriceUsdPerPhDay * (1 - poolFeePct / 100)) / 24;
  return usdPerHour / (w / 1e6);
}
