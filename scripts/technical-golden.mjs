/*
 * Golden fixtures for lib/domain/technical, made with TA-Lib itself (the C library through the
 * `talib` npm package). Offline and dev-only: TA-Lib is not a dependency of the app.
 *
 *   mkdir -p /tmp/talib-gen && cd /tmp/talib-gen && npm pack talib@2.0.5 && tar xzf talib-2.0.5.tgz
 *   # the 2.0.5 tarball ships macOS-built objects and archives under src/lib; on Linux remove them first:
 *   (cd package && node src/lib/clean.js) && npm install --no-save ./package
 *   TALIB_DIR=/tmp/talib-gen/node_modules/talib node scripts/technical-golden.mjs
 *
 * Inputs: the bundled daily BTC/USD candles (db/seed/market-data/daily-price.json), and a short
 * made-up series with flat stretches that reaches TA-Lib's zero-range branches (labelled as such).
 * The candles carry no volume, so OBV is checked on a made-up volume series stored in the fixture.
 * Outputs: tests/fixtures/technical/<dataset>.json, TA-Lib's outputs aligned with the bars (null in the warm-up).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// TA-Lib's binding is a CommonJS native module, and it lives outside the repo (see above).
const require = createRequire(import.meta.url);
const talibDir = process.env.TALIB_DIR || path.dirname(require.resolve('talib'));
const talib = require(talibDir);
const talibVersion = JSON.parse(fs.readFileSync(path.join(talibDir, 'package.json'), 'utf8')).version;
const root = path.resolve(import.meta.dirname, '..');
const candles = JSON.parse(fs.readFileSync(path.join(root, 'db/seed/market-data/daily-price.json'), 'utf8'));

function madeUpVolume(n) {
  // Deterministic, clearly synthetic: a test input for OBV, not market data.
  return Array.from({ length: n }, (_, i) => 1000 + ((i * 7919) % 997));
}

function edgeSeries() {
  const close = [];
  for (let i = 0; i < 40; i++) close.push(100); // flat: zero ranges, zero gains and losses
  for (let i = 0; i < 40; i++) close.push(100 + (i % 5 === 0 ? 3 : -1) * (i % 7)); // steps up and down
  for (let i = 0; i < 30; i++) close.push(120); // flat again after movement
  for (let i = 0; i < 30; i++) close.push(120 + i * 0.5); // steady rise
  const open = close.map((c, i) => (i === 0 ? c : close[i - 1]));
  const high = close.map((c, i) => Math.max(c, open[i]) + (i % 3 === 0 ? 0 : 0.75));
  const low = close.map((c, i) => Math.min(c, open[i]) - (i % 4 === 0 ? 0 : 0.5));
  return { open, high, low, close };
}

const datasets = {
  'btc-daily': {
    about: `bundled daily BTC/USD candles, db/seed/market-data/daily-price.json (${candles.source})`,
    bars: {
      day: candles.rows.map((r) => r[0]),
      open: candles.rows.map((r) => r[1]),
      high: candles.rows.map((r) => r[2]),
      low: candles.rows.map((r) => r[3]),
      close: candles.rows.map((r) => r[4]),
    },
  },
  edge: { about: 'made-up series with flat stretches (zero ranges, zero changes) to reach the zero branches; not market data', bars: edgeSeries() },
};

const CASES = [
  { fn: 'SMA', params: { optInTimePeriod: 20 } },
  { fn: 'SMA', params: { optInTimePeriod: 50 } },
  { fn: 'EMA', params: { optInTimePeriod: 12 } },
  { fn: 'EMA', params: { optInTimePeriod: 50 } },
  { fn: 'MACD', params: { optInFastPeriod: 12, optInSlowPeriod: 26, optInSignalPeriod: 9 } },
  { fn: 'MACD', params: { optInFastPeriod: 5, optInSlowPeriod: 35, optInSignalPeriod: 5 } },
  { fn: 'RSI', params: { optInTimePeriod: 14 } },
  { fn: 'RSI', params: { optInTimePeriod: 7 } },
  { fn: 'BBANDS', params: { optInTimePeriod: 20, optInNbDevUp: 2, optInNbDevDn: 2, optInMAType: 0 } },
  { fn: 'TRANGE', params: {} },
  { fn: 'ATR', params: { optInTimePeriod: 14 } },
  { fn: 'STOCH', params: { optInFastK_Period: 14, optInSlowK_Period: 3, optInSlowK_MAType: 0, optInSlowD_Period: 3, optInSlowD_MAType: 0 } },
  { fn: 'STOCH', params: { optInFastK_Period: 5, optInSlowK_Period: 3, optInSlowK_MAType: 0, optInSlowD_Period: 4, optInSlowD_MAType: 0 } },
  { fn: 'STOCHF', params: { optInFastK_Period: 14, optInFastD_Period: 3, optInFastD_MAType: 0 } },
  { fn: 'OBV', params: {} },
  { fn: 'WILLR', params: { optInTimePeriod: 14 } },
  { fn: 'CCI', params: { optInTimePeriod: 20 } },
  { fn: 'CCI', params: { optInTimePeriod: 14 } },
  { fn: 'ADX', params: { optInTimePeriod: 14 } },
  { fn: 'PLUS_DI', params: { optInTimePeriod: 14 } },
  { fn: 'MINUS_DI', params: { optInTimePeriod: 14 } },
];

for (const [name, { about, bars }] of Object.entries(datasets)) {
  const n = bars.close.length;
  const volume = madeUpVolume(n);
  const cases = CASES.map(({ fn, params }) => {
    const r = talib.execute({ name: fn, startIdx: 0, endIdx: n - 1, open: bars.open, high: bars.high, low: bars.low, close: bars.close, volume, inReal: bars.close, ...params });
    if (r.error) throw new Error(`${fn}: ${r.error}`);
    const outputs = {};
    for (const [key, values] of Object.entries(r.result)) {
      const line = new Array(n).fill(null);
      values.forEach((v, i) => (line[r.begIndex + i] = v));
      outputs[key] = line;
    }
    return { fn, params, begIndex: r.begIndex, outputs };
  });
  const file = { generator: 'scripts/technical-golden.mjs', talib: `TA-Lib C library bundled in the talib npm package ${talibVersion}`, dataset: about, bars: { ...bars, volume }, volumeNote: 'volume is made up (the candles carry none): a test input for OBV only', cases };
  fs.writeFileSync(path.join(root, 'tests/fixtures/technical', `${name}.json`), JSON.stringify(file) + '\n');
  console.log(`${name}: ${n} bars, ${cases.length} cases`);
}
