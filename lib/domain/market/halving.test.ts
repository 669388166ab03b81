import { describe, expect, it } from 'vitest';
import { halvingCountdown } from './halving';

describe('halvingCountdown', () => {
  it.each([
    [877_126, 1_050_000, 172_874, 1.5625],
    [840_000, 1_050_000, 210_000, 1.5625],
    [839_999, 840_000, 1, 3.125],
  ])('at height %d the next halving is %d, %d blocks away, then %d BTC', (height, next, left, subsidy) => {
    const c = halvingCountdown(height, new Date('2025-01-01T00:00:00Z'));
    expect(c).toMatchObject({ height: next, blocksLeft: left, subsidyAfterBtc: subsidy });
    expect(Date.parse(c.estimatedAt) - Date.parse('2025-01-01T00:00:00Z')).toBe(left * 600_000);
  });
});
