import { hashpriceBtcPerThDay } from './revenue';

/** A user's own fleet, as stored in their mining settings. */
export type PersonalFleet = { hashrateThs: number; efficiencyJPerTh: number; electricityUsdPerKwh: number };

export type PersonalDaily = {
  btcPerDay: number;
  revenueUsdPerDay: number;
  powerKw: number;
  energyKwhPerDay: number;
  powerCostUsdPerDay: number;
  profitUsdPerDay: number;
  /** profit / revenue; null when there is no revenue. */
  margin: number | null;
  /** The electricity price at which profit is zero. */
  breakEvenUsdPerKwh: number | null;
};

/**
 * Personalised daily figures (seed 003: revenue = hashprice × hashrate, cost = power × price,
 * profit = revenue − cost). Power W = TH/s × J/TH. No pool fee: the settings hold the three
 * figures of the seed; the calculator covers fees and payout schemes.
 */
export function personalDaily(fleet: PersonalFleet, market: { hashpriceBtcPerThDay: number; btcPriceUsd: number }): PersonalDaily {
  const btcPerDay = market.hashpriceBtcPerThDay * fleet.hashrateThs;
  const revenueUsdPerDay = btcPerDay * market.btcPriceUsd;
  const powerKw = (fleet.hashrateThs * fleet.efficiencyJPerTh) / 1000;
  const energyKwhPerDay = powerKw * 24;
  const powerCostUsdPerDay = energyKwhPerDay * fleet.electricityUsdPerKwh;
  const profitUsdPerDay = revenueUsdPerDay - powerCostUsdPerDay;
  return {
    btcPerDay,
    revenueUsdPerDay,
    powerKw,
    energyKwhPerDay,
    powerCostUsdPerDay,
    profitUsdPerDay,
    margin: revenueUsdPerDay > 0 ? profitUsdPerDay / revenueUsdPerDay : null,
    breakEvenUsdPerKwh: energyKwhPerDay > 0 ? revenueUsdPerDay / energyKwhPerDay : null,
  };
}

/** Hashprice in BTC per TH/s per day from live network values (the "difficulty" algorithm). */
export function hashpriceFromNetwork(net: { difficulty: number; blockRewardBtc: number; feesPerBlockBtc: number }): number {
  return hashpriceBtcPerThDay({ difficulty: net.difficulty, blockRewardBtc: net.blockRewardBtc, feesPerBlockBtc: net.feesPerBlockBtc });
}

