import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';

/*
 * DEMO DATA ONLY. What the demo farm's collectors would have measured before the first start: a live
 * row for every miner still on the floor, the last 24 h of five-minute history and the 30 days before
 * today as daily rollups, written set-based (generate_series). The seed writes the live rows, the daily
 * rollups and the newest hour of five-minute buckets; the 23 hours before it (1.65 M rows, the bulk of
 * the time) are filled by fillDemoHistory, in the background on the server and at once in db:seed.
 *
 * It agrees with the demo pool (seeded first, db/seed/pool-demo.ts): a miner whose linked worker the
 * pool reports offline is offline here too, since the worker's last share (5 h ago); one the pool shows
 * at a fraction of its rate (the fake farm's "low" workers) hashes at 30 % here. A miner the pool does
 * not know follows its typed status. Figures come from the miner's model (TH/s, W) with a little noise,
 * one reading per five minutes: the cadence of the live demo collector (lib/edge/simulator/live-demo.ts).
 */
const FIVE_MIN_MS = 300_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** app_settings key of the demo history still to fill (fillDemoHistoryStep). */
export const FILL_KEY = 'demo.history_fill';
/** The pool's offline workers sent their last share this long ago (lib/integrations/antpool/fake-farm.ts). */
const OFFLINE_FOR_MS = 5 * 3_600_000;

/** Each table's keys, constraints and indexes exactly as the migrations create them (see bulkLoad). */
const HISTORY_KEYS = {
  table: 'telemetry_history_5min',
  drop: ['drop index telemetry_history_5min_site_bucket_idx', 'alter table telemetry_history_5min drop constraint telemetry_history_5min_miner_id_bucket_pk'],
  create: [
    'alter table telemetry_history_5min add constraint telemetry_history_5min_miner_id_bucket_pk primary key (miner_id, bucket)',
    'create index telemetry_history_5min_site_bucket_idx on telemetry_history_5min using btree (site_id, bucket)',
  ],
};
const DAILY_KEYS = {
  table: 'telemetry_daily',
  drop: [
    'drop index telemetry_daily_site_day_idx',
    'alter table telemetry_daily drop constraint telemetry_daily_miner_id_miners_id_fk',
    'alter table telemetry_daily drop constraint telemetry_daily_miner_id_day_pk',
  ],
  create: [
    'alter table telemetry_daily add constraint telemetry_daily_miner_id_day_pk primary key (miner_id, day)',
    'alter table telemetry_daily add constraint telemetry_daily_miner_id_miners_id_fk foreign key (miner_id) references public.miners(id) on delete cascade on update no action',
    'create index telemetry_daily_site_day_idx on telemetry_daily using btree (site_id, day)',
  ],
};

export async function seedDemoTelemetry(db: Db, orgId: string, now = new Date()): Promise<void> {
  const lastBucket = new Date(Math.floor(now.getTime() / FIVE_MIN_MS) * FIVE_MIN_MS - FIVE_MIN_MS);
  const firstBucket = new Date(lastBucket.getTime() - DAY_MS + FIVE_MIN_MS);
  const today = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const offlineSince = new Date(now.getTime() - OFFLINE_FOR_MS);
  const iso = (d: Date) => d.toISOString();

  // Per miner: its model's figures and what it is doing, from the pool's newest hour of workers.
  await db.execute(sql`drop table if exists demo_telemetry_state`);
  await db.execute(sql`create temp table demo_telemetry_state as ${minerState(orgId)}`);

  // The newest hour of five-minute history now (what the first page charts); the 23 hours before it
  // are filled after the app is serving (fillDemoHistory), from the plan recorded here.
  const newestHour = new Date(lastBucket.getTime() - HOUR_MS + FIVE_MIN_MS);
  await bulkLoad(db, HISTORY_KEYS, (empty) =>
    db.execute(historyInsert(sql`demo_telemetry_state`, newestHour, lastBucket, offlineSince, !empty)),
  );
  const plan: FillPlan = { orgId, from: iso(firstBucket), before: iso(newestHour), offlineSince: iso(offlineSince) };
  await db.execute(sql`
    insert into app_settings (key, value, updated_at) values (${FILL_KEY}, ${JSON.stringify(plan)}, now())
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`);

  // The 30 whole days before today: every miner was up then (the offline ones stopped today).
  await bulkLoad(db, DAILY_KEYS, () =>
    db.execute(sql`
      insert into telemetry_daily (miner_id, day, org_id, site_id, samples, online_ratio, hashrate_avg_ths, hashrate_min_ths,
        hashrate_max_ths, temp_chip_avg_c, temp_chip_max_c, power_avg_w, power_max_w, fan_min_rpm, energy_wh, uptime_hours)
      select miner_id, day, org_id, site_id, round(288 * u)::int, u, h, h * 0.96, h * 1.04, 68, 72, p, round(p * 1.01), 5000,
        round(p * 24 * u)::int, 24 * u
      from (
        select miner_id, org_id, site_id, day, least(1, 0.985 + r * 0.03)::real as u,
          nominal_ths * factor * (0.99 + r * 0.02) as h, round(power_w * (0.995 + r * 0.01))::real as p
        from (
          select s.*, d.day::date as day, random() as r
          from demo_telemetry_state s
          cross join generate_series(${iso(new Date(today.getTime() - 30 * DAY_MS))}::timestamptz, ${iso(new Date(today.getTime() - DAY_MS))}::timestamptz, interval '1 day') d(day)
        ) drawn
      ) x`),
  );

  // The newest reading of each miner, up to a minute old; an offline one has no figures, as ingest stores it.
  const shares = sql`nominal_ths * 0.8 * 86400 * 3 / 1000`;
  await db.execute(sql`
    insert into miner_telemetry_live (miner_id, org_id, site_id, collected_at, online, hashrate5s_ths, hashrate_avg_ths,
      hashrate_nominal_ths, temp_chip_max_c, temp_board_max_c, temp_inlet_c, temp_outlet_c, fan_min_rpm, fan_count, power_w,
      accepted, rejected, hardware_errors, uptime_s, offline_since, updated_at)
    select miner_id, org_id, site_id, ${iso(now)}::timestamptz - r * interval '60 seconds', online,
      case when online then h end, case when online then h * 0.995 end, nominal_ths,
      case when online then round(66 + r * 5) end, case when online then round(60 + r * 4) end,
      case when online then inlet_c end, case when online then inlet_c + 18 end,
      case when online then round(5050 + r * 300) end, case when online then 4 end,
      case when online then round(power_w * (0.995 + r * 0.01)) end,
      case when online then round(${shares}) end, case when online then round(${shares} * 0.003) end,
      case when online then round(${shares} * 0.01) end, case when online then 3 * 86400 end,
      case when online then null else ${iso(offlineSince)}::timestamptz end, ${iso(now)}::timestamptz
    from (select s.*, r, s.nominal_ths * s.factor * (0.98 + r * 0.04) as h from demo_telemetry_state s, lateral (select random() as r) n) x`);
  await db.execute(sql`drop table demo_telemetry_state`);
}

/** Per miner on the floor: its model's figures and what it is doing, from the pool's newest hour of workers. */
function minerState(orgId: string) {
  return sql`
    select m.id as miner_id, m.org_id, m.site_id, mm.hashrate_ths::real as nominal_ths, mm.power_w::real as power_w,
      coalesce(pw.status <> 'offline', m.status = 'active') as online,
      case when pw.status = 'online' and pw.hs1h < pw.hs1d * 0.5 then 0.3 else 1 end::real as factor,
      case s.energy_source when 'hydro' then 18 when 'wind' then 27 else 22 end::real as inlet_c
    from miners m
    join miner_models mm on mm.id = m.model_id
    join sites s on s.id = m.site_id
    left join (
      select distinct on (l.miner_id) l.miner_id, w.status, w.hs1h, w.hs1d
      from pool_worker_links l join pool_workers w on w.account_id = l.account_id and w.worker_name = l.worker_name
      where l.miner_id is not null order by l.miner_id, w.recorded_at desc
    ) pw on pw.miner_id = m.id
    where m.org_id = ${orgId}::uuid and m.status <> 'sold'
    order by m.id`;
}

/**
 * Five-minute rows for the buckets from..to (inclusive) of the miners in `state` (a table or a
 * subquery): online until the pool's last share for the offline ones. One random draw a row moves
 * hashrate, temperature, power and fan together (a harder-working machine runs warmer). A bucket
 * already there (the live collector's rollup) wins.
 */
function historyInsert(state: SQL, from: Date, to: Date, offlineSince: Date, keepExisting = true) {
  const iso = (d: Date) => d.toISOString();
  return sql`
    insert into telemetry_history_5min (miner_id, bucket, org_id, site_id, samples, online_samples, online_ratio,
      hashrate_avg_ths, hashrate_min_ths, hashrate_max_ths, temp_chip_avg_c, temp_chip_max_c, temp_inlet_avg_c,
      power_avg_w, power_max_w, fan_min_rpm, fan_avg_rpm, accepted_delta, rejected_delta)
    select miner_id, bucket, org_id, site_id, 1, up::int, up::int::real,
      case when up then h end, case when up then h end, case when up then h end,
      case when up then t end, t, case when up then inlet_c + t / 20 end,
      case when up then p end, p, case when up then f end, case when up then f end,
      case when up then round(h * 0.24) else 0 end, case when up then round(h * 0.24 * 0.003) else 0 end
    from (
      select miner_id, org_id, site_id, inlet_c, bucket, up, nominal_ths * factor * (0.98 + r * 0.04) as h,
        round(66 + r * 5)::real as t, round(power_w * (0.995 + r * 0.01))::real as p, round(5050 + r * 300)::int as f
      from (
        select s.*, b.bucket, (s.online or b.bucket < ${iso(offlineSince)}::timestamptz) as up, random() as r
        from ${state} s
        cross join generate_series(${iso(from)}::timestamptz, ${iso(to)}::timestamptz, interval '5 minutes') b(bucket)
      ) drawn
    ) x
    ${keepExisting ? sql`on conflict (miner_id, bucket) do nothing` : sql``}`;
}

/** What the seed left for the background: the buckets from `from` up to (not including) `before`. */
type FillPlan = { orgId: string; from: string; before: string; offlineSince: string };

/**
 * One step of the demo farm's five-minute history fill: the hour of buckets just before what is
 * there (newest first, so the charts grow back from now), written and recorded in one transaction,
 * so a fill cut off by a restart resumes where it stopped and a finished one does nothing. Returns
 * 'more' while buckets remain, 'done' for the step that wrote the last, 'idle' with nothing to do. Rows the live collector's rollup already wrote are kept (on conflict do nothing).
 */
export async function fillDemoHistoryStep(db: Db): Promise<'more' | 'done' | 'idle'> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ value: string }>(tx, sql`select value from app_settings where key = ${FILL_KEY} for update`);
    if (!row) return 'idle';
    const plan = JSON.parse(row.value) as FillPlan;
    const from = new Date(plan.from);
    const before = new Date(plan.before);
    const start = new Date(Math.max(from.getTime(), before.getTime() - HOUR_MS));
    if (start < before) {
      await tx.execute(historyInsert(sql`(${minerState(plan.orgId)})`, start, new Date(before.getTime() - FIVE_MIN_MS), new Date(plan.offlineSince)));
    }
    if (start <= from) {
      await tx.execute(sql`delete from app_settings where key = ${FILL_KEY}`);
      return start < before ? 'done' : 'idle';
    }
    await tx.execute(sql`update app_settings set value = ${JSON.stringify({ ...plan, before: start.toISOString() })}, updated_at = now() where key = ${FILL_KEY}`);
    return 'more';
  });
}

/**
 * Runs the fill to its end (db:seed, tests), or in the background with a pause between hours so
 * requests get the database. Returns the hours written (0 when there was nothing to fill).
 */
export async function fillDemoHistory(db: Db, options: { pauseMs?: number } = {}): Promise<number> {
  let hours = 0;
  for (;;) {
    const step = await fillDemoHistoryStep(db);
    if (step === 'idle') return hours;
    hours++;
    if (step === 'done') return hours;
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
}

type Keys = { table: string; drop: string[]; create: string[] };

/**
 * On an empty table (the first start) its key, foreign key and indexes are dropped for the load and
 * built again after: building a B-tree from a million rows at once is several times cheaper than
 * inserting into it row by row (PostgreSQL's own advice for populating a database), and the first
 * start is what the user waits for. The definitions are the migrations' own. A table that already
 * holds rows (a reseed beside other organizations' telemetry) takes a plain insert.
 */
async function bulkLoad(db: Db, keys: Keys, load: (empty: boolean) => Promise<unknown>): Promise<void> {
  const [row] = await queryRows<{ empty: boolean }>(db, sql`select not exists (select 1 from ${sql.identifier(keys.table)}) as empty`);
  if (!row!.empty) {
    await load(false);
    return;
  }
  for (const statement of keys.drop) await db.execute(sql.raw(statement));
  await load(true);
  for (const statement of keys.create) await db.execute(sql.raw(statement));
}
