import { nextHalvingHeight, subsidyBtcAtHeight, TARGET_BLOCK_SECONDS } from '../mining/constants';

/**
 * Countdown to the next halving from a block height. The date assumes the 10-minute target; real
 * blocks have lately come a little faster, so treat it as an estimate (the UI says "about").
 */
export function halvingCountdown(height: number, at: Date) {
  const halvingHeight = nextHalvingHeight(height);
  const blocksLeft = halvingHeight - height;
  return {
    height: halvingHeight,
    blocksLeft,
    estimatedAt: new Date(at.getTime() + blocksLeft * TARGET_BLOCK_SECONDS * 1000).toISOString(),
    subsidyAfterBtc: subsidyBtcAtHeight(halvingHeight),
  };
}

/**
 * The halvings so far: height, the header time of the halving block (UTC) and the subsidy from
 * then on. The chart marks these; `subsidyBtcOnDay` reads them.
 */
export const HALVINGS = [
  { height: 210_000, at: '2012-11-28T15:24:38Z', subsidyAfterBtc: 25 },
  { height: 420_000, at: '2016-07-09T16:46:13Z', subsidyAfterBtc: 12.5 },
  { height: 630_000, at: '2020-05-11T19:23:43Z', subsidyAfterBtc: 6.25 },
  { height: 840_000, at: '2024-04-20T00:09:27Z', subsidyAfterBtc: 3.125 },
] as const;

/**
 * The block subsidy in effect at the end of a UTC day (YYYY-MM-DD), the same convention as the
 * day's difficulty in the bundled history: a halving day counts with the new subsidy.
 */
export function subsidyBtcOnDay(day: string): number {
  let subsidy = 50;
  for (const h of HALVINGS) if (day >= h.at.slice(0, 10)) subsidy = h.subsidyAfterBtc;
  return subsidy;
}
