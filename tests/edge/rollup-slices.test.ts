import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { ensureRawPartitions } from '@/db/queries/telemetry/partitions';
import { rollup5min } from '@/db/queries/telemetry/rollups';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => ({ db, drop } = await createTestDb()));
afterAll(async () => drop());

it('counts the buckets of every hour slice, though slices run side by side', async () => {
  const org = await makeOrg(db);
  const site = await makeSite(db, org.id);
  const miners = [await makeMiner(db, { orgId: org.id, siteId: site.id }), await makeMiner(db, { orgId: org.id, siteId: site.id })];
  const to = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
  const from = new Date(to.getTime() - 4 * 3_600_000);
  await ensureRawPartitions(db, [from.getTime(), to.getTime()]);
  // One reading every five minutes for 4 hours: 48 buckets a miner, in four one-hour slices.
  for (const m of miners) {
    await db.execute(sql`
      insert into telemetry_raw (miner_id, collected_at, online, hashrate5s_ths, power_w)
      select ${m.id}::uuid, ts, true, 110, 3250
      from generate_series(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz - interval '5 minutes', interval '5 minutes') ts`);
  }
  expect(await rollup5min(db, from, to)).toBe(96);
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from telemetry_history_5min`)) as [{ n: number }];
  expect(n).toBe(96);
});
