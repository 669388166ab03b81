import { ensureRawPartitions } from '@/db/queries/telemetry/partitions';
import { floorTo5min, rollup5min } from '@/db/queries/telemetry/rollups';
import type { JobsClient } from '../../client';

/** Readings replayed by a collector after an outage up to this long are still folded into the history. */
const LATE_WINDOW_MS = 3 * 3600 * 1000;

/**
 * Every 5 minutes: rebuilds the five-minute buckets of the last 3 hours (late replays included) and
 * makes sure tomorrow's raw partition exists before midnight. Idempotent; one run at a time.
 */
export const telemetryRollup5min = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'telemetry-rollup-5min', triggers: [{ cron: '*/5 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const to = floorTo5min(now).getTime() + 300_000;
    const from = floorTo5min(new Date(now.getTime() - LATE_WINDOW_MS)).getTime();
    await step.run('ensure-partitions', () => ensureRawPartitions(db, [now.getTime(), now.getTime() + 86_400_000]));
    const buckets = await step.run('rollup', () => rollup5min(db, new Date(from), new Date(to)));
    return { buckets, from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  });
