/*
 * How a sale turns sats into cents, in integers. The fill price is the day's close less slippage,
 * rounded down to the cent; the exchange fee is taken from the gross, rounded up to the cent (the
 * seller never gets a fraction of a cent the venue kept). BigInt for the products: 1,000 BTC at
 * $100,000 is 1e11 sats · 1e7 cents, past 2^53.
 */

export type Costs = {
  /** Exchange fee on the gross proceeds, in basis points (10 = 0.10 %). */
  feeBps: number;
  /** Fill below the day's close, in basis points. */
  slippageBps: number;
};

export type Fill = { sats: number; fillCentsPerBtc: number; grossCents: number; feeCents: number; netCents: number };

const SATS = 100_000_000n;

export function fillPriceCents(closeCentsPerBtc: number, slippageBps: number): number {
  return Number((BigInt(closeCentsPerBtc) * BigInt(10_000 - slippageBps)) / 10_000n);
}

/** Selling `sats` at the day's close: gross = ⌊sats · fill / 1e8⌋, fee = ⌈gross · feeBps / 1e4⌉, net = gross − fee. */
export function sellSats(sats: number, closeCentsPerBtc: number, costs: Costs): Fill {
  const fill = fillPriceCents(closeCentsPerBtc, costs.slippageBps);
  const gross = (BigInt(sats) * BigInt(fill)) / SATS;
  const fee = (gross * BigInt(costs.feeBps) + 9_999n) / 10_000n;
  return { sats, fillCentsPerBtc: fill, grossCents: Number(gross), feeCents: Number(fee), netCents: Number(gross - fee) };
}

/**
 * The fewest sats whose sale nets at least `cents` after slippage and fee. First the least gross G
 * with G − ⌈G · feeBps / 1e4⌉ ≥ cents (from ⌈cents · 1e4 / (1e4 − feeBps)⌉, stepped up while the fee's
 * rounding leaves it short; the net grows by at most a cent per step), then the least sats with
 * ⌊sats · fill / 1e8⌋ ≥ G, i.e. ⌈G · 1e8 / fill⌉. Both steps are monotone, so the answer is the least.
 */
export function satsForNetCents(cents: number, closeCentsPerBtc: number, costs: Costs): number {
  if (cents <= 0) return 0;
  const fill = BigInt(fillPriceCents(closeCentsPerBtc, costs.slippageBps));
  const keep = BigInt(10_000 - costs.feeBps);
  if (fill <= 0n || keep <= 0n) return Number.POSITIVE_INFINITY;
  const fee = BigInt(costs.feeBps);
  let gross = (BigInt(cents) * 10_000n + keep - 1n) / keep;
  while (gross - (gross * fee + 9_999n) / 10_000n < BigInt(cents)) gross++;
  return Number((gross * SATS + fill - 1n) / fill);
}

/** `bps` basis points of an integer amount, rounded down (never sells more than the share). */
export function shareOf(amount: number, bps: number): number {
  return Number((BigInt(amount) * BigInt(bps)) / 10_000n);
}
