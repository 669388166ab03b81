import { migrateDb, openPglite, openPostgres } from '@/db/client';
import { backfillPower } from '@/db/queries/power/backfill';
import { env } from '@/lib/env';

// npm run power:backfill -- --from 2026-03-01 --to 2026-03-31 [--site <uuid>]: rebuilds power_hourly/daily/monthly
// (site and customer rows) from the five-minute telemetry history for those local days, the same way the jobs do.
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const fromDay = arg('from');
const toDay = arg('to') ?? fromDay;
if (!fromDay || !DAY.test(fromDay) || !toDay || !DAY.test(toDay) || toDay < fromDay) {
  console.error('usage: npm run power:backfill -- --from YYYY-MM-DD [--to YYYY-MM-DD] [--site <site id>]');
  process.exit(2);
}
const e = env();
const handle = e.databaseUrl ? await openPostgres(e.databaseUrl, { max: 2 }) : await openPglite(e.dataDir);
try {
  await migrateDb(handle, e.databaseUrl);
  const t0 = performance.now();
  const out = await backfillPower(handle.db, { fromDay, toDay, siteId: arg('site'), progress: (line) => console.log(line) });
  console.log(`power:backfill rebuilt ${out.hours} site-hours on ${out.sites} site(s) in ${Math.round(performance.now() - t0)} ms`);
} catch (error) {
  console.error(`power:backfill failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
