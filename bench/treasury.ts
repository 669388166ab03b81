import { readFileSync } from 'node:fs';
import path from 'node:path';
import prices from '@/db/seed/market-data/daily-price.json' with { type: 'json' };
import { NETWORK_HISTORY_DIR, parseCsv } from '@/db/seed/network-history';
import { subsidyBtcOnDay } from '@/lib/domain/market/halving';
import { attachEpochHashrate } from '@/lib/domain/market/history';
import { compareStrategies, twapCentsPerBtc } from '@/lib/domain/treasury/backtest';
import { buildBacktestDays, type HistoryDay } from '@/lib/domain/treasury/backtest-input';
import { DEFAULT_PARAMS, STRATEGY_KINDS } from '@/lib/domain/treasury/strategies';
import { time } from './timing';

/*
 * A five-year daily backtest of every sell template for a 6,000-miner fleet (200 TH/s, 3,500 W):
 * building the days from the network history (the bundled difficulty, fees and epochs of
 * 2021-01-01 → 2025-12-31, real) and running all seven templates with their metrics. Target < 1 s.
 * The bundled closes start in 2024, so for 2021–2023 this bench repeats the 2024–2025 closes:
 * timing only, the results are not reported (the page refuses such a period with the missing range).
 */
const FROM = '2021-01-01';
const TO = '2025-12-31';

function history(): HistoryDay[] {
  const read = (f: string) => parseCsv(readFileSync(path.join(NETWORK_HISTORY_DIR, f), 'utf8'));
  const epochs = read('difficulty-epochs.csv').map((e) => ({ start: e.start_time_utc ?? '9999', hashrateHs: e.hashrate_ehs_avg === null ? null : Number(e.hashrate_ehs_avg) * 1e18 }));
  const days = read('network-daily.csv')
    .filter((r) => r.date! >= '2020-12-20' && r.date! <= TO)
    .map((r) => ({ t: r.date!, day: r.date!, difficulty: Number(r.difficulty), blocks: r.blocks === null ? null : Number(r.blocks), feesBtc: r.fees_btc_total === null ? null : Number(r.fees_btc_total), subsidyBtc: subsidyBtcOnDay(r.date!) }));
  return attachEpochHashrate(days, epochs).map(({ t: _t, ...d }) => d);
}

function closes(): Map<string, number> {
  const real = new Map(prices.rows.filter((r) => String(r[0]) <= TO).map((r) => [String(r[0]), Number(r[4])]));
  const cycle = [...real.values()];
  const out = new Map<string, number>();
  let i = 0;
  for (let t = Date.parse(`${FROM}T00:00:00Z`); t <= Date.parse(`${TO}T00:00:00Z`); t += 86_400_000, i++) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.set(day, real.get(day) ?? cycle[i % cycle.length]!);
  }
  return out;
}

export async function benchTreasury() {
  const h = history();
  const c = closes();
  const model = { fleet: [{ model: 'S21', count: 6_000, hashrateThs: 200, powerW: 3_500, usdPerKwh: 0.05 }], poolFeeBps: 250, uptimeBps: 9_800, otherCostsCentsPerMonth: 10_000_000 };
  const templates = STRATEGY_KINDS.map((k) => DEFAULT_PARAMS[k]);
  let trades = 0;
  let n = 0;
  const run = () => {
    const { days } = buildBacktestDays({ from: FROM, to: TO }, h, c, model);
    const runs = compareStrategies(templates, days, { btcSats: 0, cashCents: 50_000_000 }, { feeBps: 10, slippageBps: 20 });
    twapCentsPerBtc(days);
    n = days.length;
    trades = runs.reduce((s, r) => s + r.trades.length, 0);
  };
  const ts = await time(run, 10, { digits: 1 });
  return [{ case: `treasury: backtest ${n} days × ${templates.length} templates, 6,000 miners (${trades} trades)`, ...ts, note: ts.p50_ms < 1000 ? 'target < 1 s' : 'over the 1 s target' }];
}
