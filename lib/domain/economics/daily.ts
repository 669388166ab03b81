import { sma } from '@/lib/domain/technical/moving-averages';

/** 2^32: hashes per unit of difficulty. */
const TWO_32 = 4_294_967_296;

/** One UTC day of network history as stored (null = no source gave it; never 0 for unknown). */
export type NetworkDay = {
  day: string;
  difficulty: number;
  /** Implied by the day's block count (blocks · D · 2^32 / 86400); null where no per-block data covers the day. */
  hashrateHs: number | null;
  blocks: number | null;
  feesBtc: number | null;
  subsidyBtc: number;
  priceUsd: number | null;
  /** The average implied over the 2016-block epoch in effect at the end of the day. */
  epochHashrateHs: number | null;
};

export type EconomicsDay = {
  day: string;
  /** The day's measured hashrate, else its epoch's average (`fromEpoch`). */
  hashrateHs: number | null;
  fromEpoch: boolean;
  /** Blocks found, else the number the epoch's hashrate implies at the day's difficulty. */
  blocks: number | null;
  revenueBtc: number | null;
  hashpriceBtcPerPhDay: number | null;
  hashpriceUsdPerPhDay: number | null;
  feeSharePct: number | null;
  issuanceUsd: number | null;
};

/**
 * Miner economics of each day. Hashprice = revenue per PH/s per day =
 * 1e15 · 86400 · (subsidy + fees/blocks) / (D · 2^32): the difficulty gives the hashes a block
 * takes, so only fees per block depend on the block count. Where the day's blocks are unknown, the
 * epoch's average hashrate stands in (blocks ≈ H_epoch · 86400 / (D · 2^32)) and `fromEpoch` says so.
 * Fee share = fees / (blocks · subsidy + fees). USD figures only on days with a close.
 */
export function economicsDays(days: readonly NetworkDay[]): EconomicsDay[] {
  return days.map((d) => {
    const fromEpoch = d.hashrateHs === null;
    const hashrateHs = d.hashrateHs ?? d.epochHashrateHs;
    const blocks = d.blocks ?? (d.epochHashrateHs === null ? null : (d.epochHashrateHs * 86_400) / (d.difficulty * TWO_32));
    const perPh = (1e15 * 86_400) / (d.difficulty * TWO_32);
    const usable = blocks !== null && blocks > 0 && d.feesBtc !== null;
    const hashpriceBtc = usable ? perPh * (d.subsidyBtc + d.feesBtc! / blocks) : null;
    const revenueBtc = usable ? blocks * d.subsidyBtc + d.feesBtc! : null;
    return {
      day: d.day,
      hashrateHs,
      fromEpoch,
      blocks,
      revenueBtc,
      hashpriceBtcPerPhDay: hashpriceBtc,
      hashpriceUsdPerPhDay: hashpriceBtc !== null && d.priceUsd !== null ? hashpriceBtc * d.priceUsd : null,
      feeSharePct: usable && revenueBtc! > 0 ? (100 * d.feesBtc!) / revenueBtc! : null,
      issuanceUsd: blocks !== null && d.priceUsd !== null ? blocks * d.subsidyBtc * d.priceUsd : null,
    };
  });
}

/**
 * Puell multiple: the day's issuance in USD over its mean of the 365 days ending that day. Null
 * until 365 consecutive days have a value (the bundled prices start in 2024).
 */
export function puellMultiple(issuanceUsd: ReadonlyArray<number | null>, window = 365): Array<number | null> {
  const out: Array<number | null> = new Array(issuanceUsd.length).fill(null);
  let sum = 0;
  let held = 0;
  for (let i = 0; i < issuanceUsd.length; i++) {
    const v = issuanceUsd[i];
    if (v !== null && v !== undefined) {
      sum += v;
      held++;
    }
    if (i >= window) {
      const old = issuanceUsd[i - window];
      if (old !== null && old !== undefined) {
        sum -= old;
        held--;
      }
    }
    if (held === window && v !== null && v !== undefined) out[i] = v / (sum / window);
  }
  return out;
}

/** Simple moving averages of a series with gaps: null wherever the window holds a gap. */
export function smaWithGaps(values: ReadonlyArray<number | null>, period: number): Array<number | null> {
  const out: Array<number | null> = new Array(values.length).fill(null);
  let start = 0;
  for (let i = 0; i <= values.length; i++) {
    if (i === values.length || values[i] === null) {
      if (i - start >= period) {
        const part = sma(values.slice(start, i) as number[], period);
        for (let k = period - 1; k < part.length; k++) out[start + k] = part[k]!;
      }
      start = i + 1;
    }
  }
  return out;
}

export type Crossing = { day: string; kind: 'capitulation' | 'recovery'; fast: number; slow: number };

/**
 * Hash-ribbon crossings (C. Edwards): the 30-day mean hashrate falling below the 60-day one starts a
 * miner capitulation; rising back above it ends it (recovery). Oldest first.
 */
export function ribbonCrossings(days: readonly string[], fast: ReadonlyArray<number | null>, slow: ReadonlyArray<number | null>): Crossing[] {
  const out: Crossing[] = [];
  for (let i = 1; i < days.length; i++) {
    const [f0, s0, f1, s1] = [fast[i - 1], slow[i - 1], fast[i], slow[i]];
    if (f0 == null || s0 == null || f1 == null || s1 == null) continue;
    if (f0 >= s0 && f1 < s1) out.push({ day: days[i]!, kind: 'capitulation', fast: f1, slow: s1 });
    else if (f0 < s0 && f1 >= s1) out.push({ day: days[i]!, kind: 'recovery', fast: f1, slow: s1 });
  }
  return out;
}

/**
 * Break-even hashprice of a machine: its electricity per PH/s per day. 1 PH/s at e J/TH draws
 * e kW, so the cost is e · 24 kWh · price. Fleet models: Σ W·price / Σ TH/s, the same per PH.
 */
export function breakEvenUsdPerPhDay(input: { powerW: number; hashrateThs: number; usdPerKwh: number }): number | null {
  if (!(input.hashrateThs > 0)) return null;
  return ((input.powerW / input.hashrateThs) * 24 * input.usdPerKwh);
}
