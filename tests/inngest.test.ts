import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { hitRateLimit, peekRateLimit } from '@/db/queries/rate-limit';
import { setJobDbForTests } from '@/inngest/context';
import { functions } from '@/inngest';
import { purgeRateLimits } from '@/inngest/functions/system/purge-rate-limits';
import { createTestDb } from './helpers/db';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  setJobDbForTests(db);
});
afterAll(async () => {
  setJobDbForTests(undefined);
  await drop();
});

// A new engine per execution: an engine keeps the state of the run it executed.
const run = () => new InngestTestEngine({ function: purgeRateLimits }).execute();

describe('purge-rate-limits (Inngest)', () => {
  it('is registered with an hourly cron', () => {
    expect(functions).toContain(purgeRateLimits);
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
