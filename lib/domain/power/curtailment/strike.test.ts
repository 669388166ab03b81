import { describe, expect, it } from 'vitest';
import { breakEvenUsdPerMwh, INITIAL_STRIKE_STATE, type StrikeConfig, stepStrike, type StrikeState } from './strike';

const CONFIG: StrikeConfig = { high: { kind: 'fixed', usdPerMwh: 100 }, low: { kind: 'fixed', usdPerMwh: 60 }, curtailAfter: 3, resumeAfter: 2 };
const windowAt = (i: number) => new Date(Date.UTC(2026, 6, 15, 12, i * 5)).toISOString();

function run(prices: (number | null)[], config = CONFIG, breakEven: number | null = null) {
  let state: StrikeState = INITIAL_STRIKE_STATE;
  return prices.map((p, i) => {
    const d = stepStrike(state, config, { start: windowAt(i), priceUsdPerMwh: p, breakEvenUsdPerMwh: breakEven });
    state = d.state;
    return d.action;
  });
}

describe('stepStrike (high $100, low $60; 3 windows above to curtail, 2 below to resume)', () => {
  it('curtails on the third consecutive window above, resumes on the second below', () => {
    expect(run([120, 130, 101, 90, 55, 50, 40])).toEqual(['hold', 'hold', 'curtail', 'hold', 'hold', 'resume', 'hold']);
  });
  it('a window at or under the high strike breaks the streak', () => {
    expect(run([120, 130, 100, 120, 130, 140])).toEqual(['hold', 'hold', 'hold', 'hold', 'hold', 'curtail']);
  });
  it('a window without a price breaks it too, and decides nothing', () => {
    expect(run([120, 130, null, 120, 130, 140])).toEqual(['hold', 'hold', 'no_data', 'hold', 'hold', 'curtail']);
  });
  it('between the strikes while curtailed: stays curtailed (hysteresis)', () => {
    expect(run([120, 120, 120, 80, 80, 80])).toEqual(['hold', 'hold', 'curtail', 'hold', 'hold', 'hold']);
  });
  it('a repeated or older window is stale and changes nothing', () => {
    const s = stepStrike(INITIAL_STRIKE_STATE, CONFIG, { start: windowAt(5), priceUsdPerMwh: 200, breakEvenUsdPerMwh: null }).state;
    expect(stepStrike(s, CONFIG, { start: windowAt(5), priceUsdPerMwh: 200, breakEvenUsdPerMwh: null })).toMatchObject({ action: 'stale', state: s });
    expect(stepStrike(s, CONFIG, { start: windowAt(4), priceUsdPerMwh: 200, breakEvenUsdPerMwh: null }).action).toBe('stale');
  });
  it('break-even strikes follow the hashprice; none known → no data', () => {
    const be: StrikeConfig = { high: { kind: 'break_even' }, low: { kind: 'break_even', marginUsdPerMwh: -10 }, curtailAfter: 1, resumeAfter: 1 };
    expect(run([80, 75, 69], be, 70)).toEqual(['curtail', 'hold', 'hold']);
    expect(run([80, 59], be, 70)).toEqual(['curtail', 'resume']);
    expect(run([80], be, null)).toEqual(['no_data']);
  });
});

describe('breakEvenUsdPerMwh', () => {
  it('200 TH/s at 3,500 W, $50/PH/day, 2 % fee: 0.2 PH × 50 × 0.98 / 24 = $0.40833/h over 0.0035 MW = $116.67/MWh', () => {
    expect(breakEvenUsdPerMwh([{ hashrateThs: 200, powerW: 3500 }], 50, 2)).toBeCloseTo(116.6667, 3);
  });
  it('no draw, no break-even', () => {
    expect(breakEvenUsdPerMwh([], 50)).toBeNull();
  });
});
