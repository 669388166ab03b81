/**
 * Writes db/seed/market-data/snapshot.json — the offline market snapshot — from the bundled data
 * (data/btc-network/*.csv and db/seed/market-data/daily-price.json). Formula and rules in
 * lib/domain/market/bundled-snapshot.ts. Run after updating either bundle: `npm run market:bundle`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NETWORK_HISTORY_DIR, parseCsv } from '@/db/seed/network-history';
import { deriveBundledSnapshot } from '@/lib/domain/market/bundled-snapshot';

const dir = path.join(process.cwd(), 'db', 'seed', 'market-data');
const [epochs, daily, prices] = await Promise.all([
  readFile(path.join(NETWORK_HISTORY_DIR, 'difficulty-epochs.csv'), 'utf8').then(parseCsv),
  readFile(path.join(NETWORK_HISTORY_DIR, 'network-daily.csv'), 'utf8').then(parseCsv),
  readFile(path.join(dir, 'daily-price.json'), 'utf8').then((t) => JSON.parse(t) as { rows: [string, number, number, number, number][] }),
]);
const snapshot = deriveBundledSnapshot({ daily, epochs, prices: { provider: 'CryptoCompare CCCAGG', rows: prices.rows } });
await writeFile(path.join(dir, 'snapshot.json'), `${JSON.stringify(snapshot, null, 2)}\n`);
console.log(`snapshot.json: as of ${snapshot.asOf} (price ${snapshot.price.day}, difficulty ${snapshot.difficulty.day}, height ${snapshot.height.value})`);
