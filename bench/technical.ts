import { computeAll } from '@/lib/domain/technical/compute-all';
import { signalSummary } from '@/lib/domain/technical/signals';
import type { Bars } from '@/lib/domain/technical/types';
import { time } from './timing';

/**
 * 5,000 daily bars of a seeded random walk (timing only: the figures themselves are not reported;
 * the bundled candles are 737 days). OHLC consistent: low ≤ open, close ≤ high.
 */
export function walkBars(n: number, seed = 42): Required<Bars> {
  let s = seed;
  const rand = () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const bars: Required<Bars> = { open: [], high: [], low: [], close: [], volume: [] };
  let price = 30_000;
  for (let i = 0; i < n; i++) {
    const open = price;
    price *= 1 + (rand() - 0.5) * 0.06;
    (bars.open as number[]).push(open);
    (bars.close as number[]).push(price);
    (bars.high as number[]).push(Math.max(open, price) * (1 + rand() * 0.02));
    (bars.low as number[]).push(Math.min(open, price) * (1 - rand() * 0.02));
    (bars.volume as number[]).push(1e9 * (0.5 + rand()));
  }
  return bars;
}

/**
 * Every indicator of the technical page (SMA×2, EMA×2, Bollinger, Ichimoku, MACD, RSI, slow and
 * fast stochastic, ATR, Williams %R, CCI, ADX/±DI, OBV, VWAP) and the signal summary on 5,000
 * bars: target < 50 ms. TA-Lib is not run beside it: its npm package does not build from a clean
 * `npm install` on Linux (see scripts/technical-golden.mjs), so it cannot be a devDependency.
 */
export async function benchTechnical() {
  const bars = walkBars(5000);
  const run = () => signalSummary(computeAll(bars), bars.close);
  const wall = await time(run, 50);
  // CPU time of this process as well: on a shared, loaded machine the wall time is mostly waiting
  // for a core (load 20 on 2 cores: 67 ms wall for 4.9 ms of CPU).
  const c0 = process.cpuUsage();
  for (let i = 0; i < 50; i++) run();
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000 / 50;
  return [{ case: `technical: all indicators + signals, 5,000 bars (target < 50 ms; CPU ${cpuMs.toFixed(1)} ms/run)`, ...wall }];
}
