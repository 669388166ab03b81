import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { hitRateLimit, peekRateLimit } from '@/db/queries/auth/rate-limit';
import type { Jobs } from '@/inngest';
import { createTestDb } from '../helpers/db';
import { testJobs } from '../helpers/jobs';

let db: Db;
let drop: () => Promise<void>;
let jobs: Jobs['jobs'];
let functions: Jobs['functions'];

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  ({ jobs, functions } = testJobs({ db }));
});
afterAll(async () => {
  await drop();
});

// A new engine per execution: an engine keeps the state of the run it executed.
const run = () => new InngestTestEngine({ function: jobs.purgeRateLimits }).execute();

describe('purge-rate-limits (Inngest)', () => {
  it('is registered with an hourly cron', () => {
    expect(functions).toContain(jobs.purgeRateLimits);
  });

  it('deletes windows older than a day and keeps fresh ones; a second run changes nothing', async () => {
    const now = new Date();
    await hitRateLimit(db, 'old', 900, new Date(now.getTime() - 3 * 24 * 3600 * 1000));
    await hitRateLimit(db, 'fresh', 900, now);
    const first = await run();
    expect(first.error).toBeUndefined();
    expect((first.result as { deleted: number }).deleted).toBe(1);
    expect(await peekRateLimit(db, 'fresh', 900, now)).not.toBeNull();
    const second = await run();
    expect((second.result as { deleted: number }).deleted).toBe(0);
    expect(await peekRateLimit(db, 'fresh', 900, now)).not.toBeNull();
  });
});
