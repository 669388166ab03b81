export const SECONDS_PER_DAY = 86_400;
export const TWO_POW_32 = 4_294_967_296;
export const TARGET_BLOCK_SECONDS = 600;
export const BLOCKS_PER_DAY = SECONDS_PER_DAY / TARGET_BLOCK_SECONDS; // 144
export const HALVING_INTERVAL_BLOCKS = 210_000;
export const DIFFICULTY_EPOCH_BLOCKS = 2_016;
export const SATS_PER_BTC = 100_000_000;
/** Average month for projections and monthly figures, unless a bill says otherwise. */
export const DAYS_PER_MONTH = 30.4375;
export const TH = 1e12;

/** Block subsidy in sats at a height: 50 BTC halved every 210,000 blocks (integer shift, as consensus does). */
export function subsidySatsAtHeight(height: number): number {
  const halvings = Math.floor(height / HALVING_INTERVAL_BLOCKS);
  if (halvings >= 64) return 0;
  return Math.floor((50 * SATS_PER_BTC) / 2 ** halvings);
}

export function subsidyBtcAtHeight(height: number): number {
  return subsidySatsAtHeight(height) / SATS_PER_BTC;
}

/** The height at which the next halving happens after `height`. */
export function nextHalvingHeight(height: number): number {
  return (Math.floor(height / HALVING_INTERVAL_BLOCKS) + 1) * HALVING_INTERVAL_BLOCKS;
}
