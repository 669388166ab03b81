/*
 * The offline market snapshot, derived from the data bundled with the app — never invented.
 *
 * Each value is the newest the bundle holds, with its own day, because the sources end on different
 * days (the daily price on 2026-01-06, the network history on 2026-01-31):
 *   price       the newest daily close of db/seed/market-data/daily-price.json;
 *   difficulty  the newest day of data/btc-network/network-daily.csv (the epoch in effect that day);
 *   hashrate    that day's 7-day mean implied hashrate (hashrate_ehs_7d · 10^18 H/s) — the 7-day
 *               window, not one day's ±8 % Poisson noise;
 *   fees        the newest day with fees per block (about 144 blocks: the bundled counterpart of the
 *               live "mean over the last 144 blocks");
 *   height      the first block of the newest epoch with a known start time (exact, with that day);
 *               the subsidy follows from it (3.125 BTC until 1,050,000).
 * `asOf` is the oldest of these days (a date, not an instant: the values are daily), so the
 * snapshot as a whole never claims to be newer than its oldest part; each source names its own day. There is no retarget estimate offline.
 *
 * Run `npm run market:bundle` after updating the bundled files; tests/market/bundled-snapshot.test.ts
 * derives it again from the files and fails if snapshot.json has drifted.
 */

export type CsvRow = Record<string, string | null>;

export type BundledSnapshotFile = {
  asOf: string;
  price: { usd: number; day: string; provider: string };
  difficulty: { value: number; day: string };
  hashrate: { hs: number; day: string };
  fees: { perBlockBtc: number; day: string; blocks: number };
  height: { value: number; day: string; epoch: number };
};

function newest<T>(rows: T[], has: (r: T) => boolean, what: string): T {
  const r = rows.findLast(has);
  if (!r) throw new Error(`the bundle holds no ${what}`);
  return r;
}

export function deriveBundledSnapshot(input: { daily: CsvRow[]; epochs: CsvRow[]; prices: { provider: string; rows: [string, number, number, number, number][] } }): BundledSnapshotFile {
  const price = newest(input.prices.rows, (r) => Number.isFinite(r[4]) && r[4] > 0, 'daily price');
  const diff = newest(input.daily, (r) => r.difficulty !== null, 'difficulty');
  const rate = newest(input.daily, (r) => r.hashrate_ehs_7d !== null, '7-day hashrate');
  const fees = newest(input.daily, (r) => r.fees_btc_per_block !== null && r.blocks !== null, 'fees per block');
  const epoch = newest(input.epochs, (r) => r.start_time_utc !== null, 'dated epoch');
  const days = [price[0], diff.date!, rate.date!, fees.date!, epoch.start_time_utc!.slice(0, 10)].sort();
  return {
    asOf: days[0]!,
    price: { usd: price[4], day: price[0], provider: input.prices.provider },
    difficulty: { value: Number(diff.difficulty), day: diff.date! },
    // EH/s to H/s in decimal steps so the float is the nearest to the printed value.
    hashrate: { hs: Number(`${rate.hashrate_ehs_7d}e18`), day: rate.date! },
    fees: { perBlockBtc: Number(fees.fees_btc_per_block), day: fees.date!, blocks: Number(fees.blocks) },
    height: { value: Number(epoch.start_height), day: epoch.start_time_utc!.slice(0, 10), epoch: Number(epoch.epoch) },
  };
}
