import { describe, expect, it } from 'vitest';
import { clientEarnings, hostingFeeCentsPerDay } from './client-earnings';

/*
 * By hand: 400 TH/s at 5e-7 BTC/TH/day = 0.0002 BTC = 20,000 sats; at $100,000/BTC that is $20.00 =
 * 2,000 cents. Fee: site A 3,500 W × 24 h = 84 kWh × $0.065 = $5.46 = 546 cents; site B 3,400 W →
 * 81.6 kWh × $0.072 = $5.8752 → 588 cents (rounded per site). Fee 1,134 cents; at $100,000/BTC a
 * sat is 0.1 cent, so 11,340 sats; net 866 cents and 8,660 sats. The pool credited 17,500 sats =
 * 1,750 cents, 616 cents after the fee.
 */
const input = {
  hashrateThs: 400,
  btcPerThDay: 5e-7,
  btcPriceUsd: 100_000,
  sites: [
    { powerW: 3500, clientUsdPerKwh: 0.065 },
    { powerW: 3400, clientUsdPerKwh: 0.072 },
  ],
  creditedSats: 17_500,
};

describe('clientEarnings', () => {
  it('is the estimate net of the hosting fee, beside the pool credit, in integer sats and cents', () => {
    expect(clientEarnings(input)).toEqual({
      grossSats: 20_000,
      grossCents: 2_000,
      feeCents: 1_134,
      feeSats: 11_340,
      netSats: 8_660,
      netCents: 866,
      creditedSats: 17_500,
      creditedCents: 1_750,
      creditedNetCents: 616,
    });
  });

  it('has no net figure while a site that draws power has no client price, and no estimate without a hashprice', () => {
    const unpriced = clientEarnings({ ...input, sites: [...input.sites, { powerW: 100, clientUsdPerKwh: null }] });
    expect(unpriced).toMatchObject({ grossCents: 2_000, feeCents: null, netCents: null, netSats: null, creditedCents: 1_750, creditedNetCents: null });
    expect(clientEarnings({ ...input, btcPerThDay: null, creditedSats: null })).toMatchObject({ grossSats: null, grossCents: null, netCents: null, feeCents: 1_134, creditedCents: null });
  });
});

describe('hostingFeeCentsPerDay', () => {
  it('ignores a site where nothing draws power, priced or not', () => {
    expect(hostingFeeCentsPerDay([{ powerW: 0, clientUsdPerKwh: null }, { powerW: 1000, clientUsdPerKwh: 0.05 }])).toBe(120); // 24 kWh × $0.05
    expect(hostingFeeCentsPerDay([])).toBe(0);
  });
});
