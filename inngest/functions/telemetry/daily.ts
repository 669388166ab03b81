import { dropExpiredRawPartitions, ensureRawPartitions, RAW_RETENTION_MS } from '@/db/queries/telemetry/partitions';
import { deleteOldHistory, floorTo5min, rollup5min, rollupDaily } from '@/db/queries/telemetry/rollups';
import type { JobsClient } from '../../client';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Daily at 00:20 UTC: rebuilds the five-minute history over the whole raw window (catching readings
 * replayed later than the 5-minute job looks back), then the daily rows of the days it touches,
 * then applies retention: raw partitions past 26 h are dropped, five-minute rows past 60 days
 * deleted. Daily rows are kept forever. Every step is idempotent.
 */
export const telemetryDaily = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'telemetry-daily', triggers: [{ cron: '20 0 * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const from = floorTo5min(new Date(now.getTime() - RAW_RETENTION_MS));
    const buckets = await step.run('rollup-5min', () => rollup5min(db, from, new Date(now.getTime() + 300_000)));
    const days = await step.run('rollup-daily', () => rollupDaily(db, day(from.getTime()), day(now.getTime())));
    const dropped = await step.run('drop-raw-partitions', () => dropExpiredRawPartitions(db, now));
    const purged = await step.run('purge-history', () => deleteOldHistory(db, now));
    await step.run('ensure-partitions', () => ensureRawPartitions(db, [now.getTime(), now.getTime() + 86_400_000]));
    return { buckets, days, dropped, purged };
  });
