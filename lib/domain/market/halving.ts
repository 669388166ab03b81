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
