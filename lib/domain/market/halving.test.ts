import { describe, expect, it } from 'vitest';
import { subsidyBtcAtHeight } from '../mining/constants';
import { HALVINGS, halvingCountdown, subsidyBtcOnDay } from './halving';

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

describe('HALVINGS and subsidyBtcOnDay', () => {
  it('each halving height gives the subsidy after it', () => {
    for (const h of HALVINGS) expect(subsidyBtcAtHeight(h.height)).toBe(h.subsidyAfterBtc);
  });
  it.each([
    ['2009-01-03', 50],
    ['2012-11-27', 50],
    ['2012-11-28', 25],
    ['2016-07-09', 12.5],
    ['2020-05-10', 12.5],
    ['2020-05-11', 6.25],
    ['2024-04-19', 6.25],
    ['2024-04-20', 3.125],
    ['2026-01-31', 3.125],
  ])('%s → %d BTC', (day, btc) => {
    expect(subsidyBtcOnDay(day)).toBe(btc);
  });
});
