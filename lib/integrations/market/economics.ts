import type { Db } from '@/db/client';
import { fleetModelCosts, networkDays } from '@/db/queries/market/economics';
import type { Scope } from '@/lib/core/scope';
import { breakEvenUsdPerPhDay, economicsDays, puellMultiple, ribbonCrossings, smaWithGaps } from '@/lib/domain/economics/daily';
import { sma } from '@/lib/domain/technical/moving-averages';

export const ECONOMICS_RANGES = ['1y', '4y', 'all'] as const;
export type EconomicsRange = (typeof ECONOMICS_RANGES)[number];

/** Willy Woo's difficulty ribbon: simple averages of the daily difficulty over these days. */
export const RIBBON_DAYS = [9, 14, 25, 40, 60, 90, 128, 200] as const;
const HASH_RIBBON = [30, 60] as const;

const ths = (hs: number | null) => (hs === null ? null : hs / 1e12);
const round = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toPrecision(5)));

export type EconomicsData = {
  range: EconomicsRange;
  /** Daily for a year or four, every 7th day for the whole history (17 years as ~900 points). */
  step: number;
  days: string[];
  hashpriceBtc: Array<number | null>;
  hashpriceUsd: Array<number | null>;
  feeSharePct: Array<number | null>;
  puell: Array<number | null>;
  difficultyRibbon: Array<Array<number | null>>;
  /** TH/s. */
  hashRibbon: { fast: Array<number | null>; slow: Array<number | null> };
  /** Share of the range's days whose hashrate is the epoch average (no daily block count held). */
  epochDays: number;
  totalDays: number;
  /** `t`: the chart point the crossing falls on (the day itself when daily, else the sampled day before it). */
  crossings: Array<{ day: string; t: string; kind: 'capitulation' | 'recovery' }>;
  held: { first: string; last: string; firstPrice: string | null; lastPrice: string | null } | null;
  /** Per fleet model; null when the viewer may not see the host's electricity price. */
  /** `marginPct`: (latest USD hashprice − break-even) / latest USD hashprice · 100; negative = losing money. */
  breakEven: Array<{ model: string; units: number; usdPerKwh: number; usdPerPhDay: number; marginPct: number | null }> | null;
  /** The newest hashprice in each unit, each with its own day (the prices end before the network history). */
  latest: { usd: { day: string; value: number } | null; btc: { day: string; value: number } | null };
};

/**
 * Miner economics from the bundled network history and prices: every series computed daily over
 * the whole history (so averages are warm at the range's start), then cut to the range.
 */
export async function loadEconomics(db: Db, scope: Scope, range: EconomicsRange, opts: { hostCosts: boolean }): Promise<EconomicsData> {
  const [days, models] = await Promise.all([networkDays(db), opts.hostCosts ? fleetModelCosts(db, scope) : null]);
  const e = economicsDays(days);
  const n = e.length;
  const from = range === 'all' ? 0 : Math.max(0, n - (range === '1y' ? 365 : 4 * 365));
  const step = range === 'all' ? 7 : 1;
  // Sampled from the last day backwards, so the newest day is always a point.
  const idx = Array.from({ length: n - from }, (_, k) => from + k).filter((i) => (n - 1 - i) % step === 0);
  const pick = (line: ReadonlyArray<number | null>) => idx.map((i) => round(line[i]));
  const hashrate = e.map((d) => d.hashrateHs);
  const fast = smaWithGaps(hashrate, HASH_RIBBON[0]);
  const slow = smaWithGaps(hashrate, HASH_RIBBON[1]);
  const difficulty = days.map((d) => d.difficulty);
  const priced = days.filter((d) => d.priceUsd !== null);
  const lastUsd = e.findLast((d) => d.hashpriceUsdPerPhDay !== null);
  const lastBtc = e.findLast((d) => d.hashpriceBtcPerPhDay !== null);
  const usdNow = lastUsd?.hashpriceUsdPerPhDay ?? null;
  const shown = idx.map((i) => e[i]!.day);
  return {
    range,
    step,
    days: shown,
    hashpriceBtc: pick(e.map((d) => d.hashpriceBtcPerPhDay)),
    hashpriceUsd: pick(e.map((d) => d.hashpriceUsdPerPhDay)),
    feeSharePct: pick(e.map((d) => d.feeSharePct)),
    puell: pick(puellMultiple(e.map((d) => d.issuanceUsd))),
    difficultyRibbon: RIBBON_DAYS.map((p) => pick(sma(difficulty, p))),
    hashRibbon: { fast: pick(fast.map(ths)), slow: pick(slow.map(ths)) },
    epochDays: e.slice(from).filter((d) => d.fromEpoch).length,
    totalDays: n - from,
    crossings: ribbonCrossings(e.map((d) => d.day), fast, slow)
      .flatMap(({ day, kind }) => {
        const t = shown.findLast((d) => d <= day);
        return t ? [{ day, t, kind }] : [];
      }),
    held: n ? { first: e[0]!.day, last: e[n - 1]!.day, firstPrice: priced[0]?.day ?? null, lastPrice: priced.at(-1)?.day ?? null } : null,
    breakEven: models
      ? models.flatMap((m) => {
          const usdPerPhDay = breakEvenUsdPerPhDay(m);
          if (usdPerPhDay === null) return [];
          return [{ model: m.model, units: m.units, usdPerKwh: m.usdPerKwh, usdPerPhDay, marginPct: usdNow ? (100 * (usdNow - usdPerPhDay)) / usdNow : null }];
        })
      : null,
    latest: {
      usd: lastUsd && usdNow !== null ? { day: lastUsd.day, value: usdNow } : null,
      btc: lastBtc ? { day: lastBtc.day, value: lastBtc.hashpriceBtcPerPhDay! } : null,
    },
  };
}
