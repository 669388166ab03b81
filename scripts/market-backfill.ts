import { openPglite, openPostgres, migrateDb } from '@/db/client';
import { upsertDaily } from '@/db/queries/market/snapshots';
import { env } from '@/lib/env';
import { marketConfigFromEnv } from '@/lib/integrations/market/config';
import { fetchDailyHistory } from '@/lib/integrations/market/history';

// npm run market:backfill -- --days 730 : fills network_daily from the public APIs (needs network).
const arg = process.argv.indexOf('--days');
const days = arg > 0 ? Number(process.argv[arg + 1]) : 730;
if (!Number.isInteger(days) || days < 1 || days > 3650) {
  console.error('--days must be a whole number from 1 to 3650');
  process.exit(2);
}
const e = env();
const handle = e.databaseUrl ? await openPostgres(e.databaseUrl, { max: 2 }) : await openPglite(e.dataDir);
try {
  await migrateDb(handle, e.databaseUrl);
  const rows = await fetchDailyHistory({ ...marketConfigFromEnv(), fetch: { timeoutMs: 20_000, retries: 3, backoffMs: 1_000 } }, days);
  const n = await upsertDaily(handle.db, rows);
  const filled = (k: 'priceCloseUsd' | 'difficulty' | 'networkHashrateHs' | 'feesPerBlockBtc') => rows.filter((r) => r[k] !== null).length;
  console.log(`market:backfill stored ${n} days (${rows[0]?.day ?? '-'} – ${rows.at(-1)?.day ?? '-'}): price ${filled('priceCloseUsd')}, difficulty ${filled('difficulty')}, hashrate ${filled('networkHashrateHs')}, fees ${filled('feesPerBlockBtc')}`);
} catch (error) {
  console.error(`market:backfill failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
