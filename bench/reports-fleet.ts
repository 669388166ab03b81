import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '@/db/client';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';

/**
 * A month (November 2026) of a 6,000-miner farm for the reports bench, written in SQL with
 * generate_series: 4 sites, 200 customers (30 miners each), 30 days of telemetry_daily and pool
 * credits per miner (180,000 rows each), the power aggregates per site and per customer, 400
 * tickets and 20 curtailments.
 */
export async function seedReportFleet(db: Db, miners = 6000): Promise<{ orgId: string }> {
  await ensureMinerModels(db);
  const run = (q: ReturnType<typeof sql>) => db.execute(q);
  const [org] = await queryRows<{ id: string }>(db, sql`insert into organizations (name, slug) values ('Bench reports', ${`bench-reports-${Date.now()}`}) returning id`);
  const id = org!.id;
  await run(sql`insert into sites (org_id, name, location, time_zone, energy_source, contracted_kw, electricity_usd_per_kwh)
    select ${id}, 'Site ' || g, 'Bench', 'UTC', 'hydro', 6000, 0.05 from generate_series(1, 4) g`);
  await run(sql`insert into customers (org_id, name, email) select ${id}, 'Customer ' || lpad(g::text, 3, '0'), 'c' || g || '@bench.test' from generate_series(1, 200) g`);
  await run(sql`insert into miners (org_id, site_id, customer_id, model_id, name, serial, status)
    select ${id}, (select id from sites where org_id = ${id} order by name offset (g % 4) limit 1),
      (select id from customers where org_id = ${id} order by name offset (g % 200) limit 1),
      (select min(id) from miner_models), 'M-' || lpad(g::text, 5, '0'), 'SN' || g, 'active'
    from generate_series(1, ${miners}) g`);
  await run(sql`insert into telemetry_daily (miner_id, day, org_id, site_id, samples, online_ratio, hashrate_avg_ths, energy_wh, uptime_hours)
    select m.id, d::date, m.org_id, m.site_id, 288, 0.98, 100 + (hashtext(m.id::text || d::text) % 10), 75000, 23.5
    from miners m cross join generate_series('2026-11-01'::date, '2026-11-30'::date, interval '1 day') d where m.org_id = ${id}`);
  const power = sql`0, 0, 0, 0, 5000, 6000, 0, 1500, 8640, 'telemetry'`;
  await run(sql`insert into power_monthly (org_id, site_id, month, energy_wh, cost_mc, wh_peak, wh_shoulder, wh_off_peak, wh_flat, avg_w, peak_w, co2_g, miner_count, buckets, source)
    select org_id, site_id, '2026-11-01', sum(energy_wh), sum(energy_wh) * 5, ${power} from telemetry_daily where org_id = ${id} group by org_id, site_id`);
  await run(sql`insert into power_customer_monthly (org_id, site_id, customer_id, month, energy_wh, cost_mc, wh_peak, wh_shoulder, wh_off_peak, wh_flat, avg_w, peak_w, co2_g, miner_count, buckets, source)
    select d.org_id, d.site_id, m.customer_id, '2026-11-01', sum(d.energy_wh), sum(d.energy_wh) * 5, ${power}
    from telemetry_daily d join miners m on m.id = d.miner_id where d.org_id = ${id} group by d.org_id, d.site_id, m.customer_id`);
  await run(sql`insert into pool_accounts (org_id, label, user_id) values (${id}, 'Main', 'bench-reports')`);
  await run(sql`insert into pool_worker_links (account_id, worker_name, miner_id)
    select a.id, m.name, m.id from miners m, pool_accounts a where m.org_id = ${id} and a.org_id = ${id}`);
  await run(sql`insert into pool_daily_worker_summaries (account_id, worker_name, day, avg_hs, online_hours, observed_hours, earned_sats, efficiency)
    select l.account_id, l.worker_name, d::date, 100e12, 24, 24, 4000, 1
    from pool_worker_links l join pool_accounts a on a.id = l.account_id and a.org_id = ${id} cross join generate_series('2026-11-01'::date, '2026-11-30'::date, interval '1 day') d`);
  await run(sql`insert into tickets (org_id, site_id, customer_id, title, sla_due_at, created_at)
    select m.org_id, m.site_id, m.customer_id, 'Fan', '2026-11-20', '2026-11-01'::timestamptz + (g % 29) * interval '1 day'
    from generate_series(1, 400) g join lateral (select * from miners where org_id = ${id} order by name offset g limit 1) m on true`);
  await run(sql`insert into curtailment_events (org_id, site_id, strategy, target_kind, target_kw, per_minute, status, created_at, baseline_w, requested_shed_w, planned_shed_w, waves, energy_avoided_wh, cost_avoided_cents, revenue_forgone_cents, net_saving_cents)
    select ${id}, s.id, 'least_efficient_first', 'kw', 500, 60, 'completed', '2026-11-01'::timestamptz + g * interval '1 day', 1000000, 500000, 500000, 3, 1000000, 5000, 2000, 3000
    from generate_series(1, 5) g cross join sites s where s.org_id = ${id}`);
  return { orgId: id };
}
