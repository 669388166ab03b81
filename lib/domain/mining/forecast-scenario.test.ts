import { describe, expect, it } from 'vitest';
import * as fixture from './roi-fixture';
import type { ForecastBandPoint } from '@/lib/domain/forecast/run-forecast';
import { forecastCoverage, forecastFactors, type ForecastPath, type ForecastScenarioInput } from './forecast-scenario';
import { projectRoi, type RoiInput } from './roi';

// The economics of roi.test.ts: 100 TH/s, 0.001 BTC/day gross, 2 % fee, $100,000, 72 kWh at $0.05:
// a month earns $2,982.875 → 298,288 ¢ and draws 10,958 ¢ of power, net 287,330 ¢; capex $10,000.
const { ROI_DIFFICULTY: difficulty, ROI_ECONOMICS: economics, ROI_NOW: now } = fixture;
const point = (t: string, median: number, lo80: number, hi80: number, lo95: number, hi95: number): ForecastBandPoint => ({ t, value: null, median, lo80, hi80, lo95, hi95 });

// Month starts: now + 30.4375 d = 2026-01-31T10:30Z, + 60.875 d = 2026-03-02T21:00Z. The tiny price
// path (observed $100,000 on 2026-01-01) reaches 2026-01-31 only, so it covers months 1 and 2.
const price: ForecastPath = {
  lastObserved: { t: '2026-01-01', value: 100_000 },
  points: [point('2026-01-15', 105_000, 90_000, 120_000, 85_000, 130_000), point('2026-01-31', 110_000, 80_000, 150_000, 70_000, 170_000)],
};
// Heights 900,000 / 904,383 / 908,766 fall in epochs 446 / 448 / 450 (2016 × 448 = 903,168 and
// 2016 × 450 = 907,200); the path is observed at 446 and forecast for 447 and 448.
const diff: ForecastPath = {
  lastObserved: { t: '446', value: difficulty },
  points: [point('447', difficulty, difficulty, 1.1 * difficulty, 0.9 * difficulty, 1.2 * difficulty), point('448', difficulty, 0.8 * difficulty, 1.25 * difficulty, 0.7 * difficulty, 1.5 * difficulty)],
};
const scen: ForecastScenarioInput = { price, difficulty: diff, now, blockHeight: 900_000, months: 12 };
const flat: RoiInput = { economics, months: 12, difficultyGrowthPctPerMonth: 0, priceGrowthPctPerMonth: 0, blockHeight: 900_000, now };

describe('forecastFactors', () => {
  it.each([
    // case, price factors (path / $100,000), difficulty factors (path / D)
    ['central', [1, 1.1], [1, 1]],
    ['low80', [1, 0.8], [1, 1.25]],
    ['low95', [1, 0.7], [1, 1.5]],
    ['high80', [1, 1.5], [1, 0.8]],
    ['high95', [1, 1.7], [1, 0.7]],
  ] as const)('%s reads the bad or good end of each band at each month start', (c, p, d) => {
    const f = forecastFactors(scen, c);
    expect(f.price).toEqual(p.map((x) => expect.closeTo(x, 12)));
    expect(f.difficulty).toEqual(d.map((x) => expect.closeTo(x, 12)));
  });

  it('a forecast that ended before today gives no factors; a missing series none', () => {
    const later = { ...scen, now: new Date('2026-03-01T00:00:00Z') };
    expect(forecastFactors(later, 'central').price).toEqual([]);
    expect(forecastFactors({ ...scen, difficulty: null }, 'central').difficulty).toEqual([]);
    expect(forecastCoverage(scen)).toEqual({ priceMonths: 2, difficultyMonths: 2 });
  });
});

describe('projectRoi with a forecast path', () => {
  it('central: month 2 at $110,000 nets 317,158 ¢, payback still month 4', () => {
    const r = projectRoi({ ...flat, path: forecastFactors(scen, 'central') });
    // $2,982.875 × 1.1 = $3,281.1625 → 328,116 ¢; − 10,958 = 317,158 ¢; held to month 12 (0 % growth)
    expect(r.months.map((m) => m.netCents)).toEqual([287_330, ...Array(11).fill(317_158)]);
    // −1,000,000 + 287,330 + 2 × 317,158 = −78,354; + 317,158 = 238,804 ≥ 0
    expect(r.months[2]!.cumulativeCents).toBe(-78_354);
    expect(r.paybackMonth).toBe(4);
  });

  it('low80: price × 0.8 and difficulty × 1.25 from month 2 push payback to month 5', () => {
    const r = projectRoi({ ...flat, path: forecastFactors(scen, 'low80') });
    // $2,982.875 × 0.8 / 1.25 = $1,909.04 → 190,904 ¢; − 10,958 = 179,946 ¢
    expect(r.months[1]!.netCents).toBe(179_946);
    expect(r.months[1]!.btcPriceUsd).toBeCloseTo(80_000, 6);
    // −712,670 − 3 × 179,946 = −172,832 (month 4); + 179,946 = 7,114 (month 5)
    expect(r.months[3]!.cumulativeCents).toBe(-172_832);
    expect(r.months[4]!.cumulativeCents).toBe(7_114);
    expect(r.paybackMonth).toBe(5);
  });

  it('past the path the growth assumption carries on from its last factor', () => {
    const r = projectRoi({ ...flat, priceGrowthPctPerMonth: 10, path: { price: [1, 1.1], difficulty: [] } });
    // month 3 = 1.1 × 1.1, month 4 = 1.1 × 1.1²
    expect(r.months.slice(0, 4).map((m) => m.btcPriceUsd)).toEqual([100_000, 110_000, 121_000, 133_100].map((x) => expect.closeTo(x, 6)));
  });
});
