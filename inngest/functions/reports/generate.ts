import { queuedReportRuns } from '@/db/queries/reports/runs';
import { generateReportRun } from '@/lib/reports/generate';
import type { JobsClient } from '../../client';

const BATCH = 5;

/**
 * Every minute: the queued report runs (asked for on /reports), each built in its own step. One run
 * at a time; a run is claimed before it is built, so a second worker or a retried step skips it.
 */
export const reportsGenerate = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'reports-generate', triggers: [{ cron: '* * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, now: clock }) => {
    const ids = await step.run('queued', () => queuedReportRuns(db, BATCH));
    const out: Record<string, string> = {};
    for (const id of ids) out[id] = await step.run(`generate-${id}`, () => generateReportRun(db, id, clock()));
    return out;
  });
