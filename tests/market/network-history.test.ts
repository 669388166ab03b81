import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { dailySince, rollupDayFromSnapshots, upsertSnapshot } from '@/db/queries/market/snapshots';
import { latestDailyFeePerBlock } from '@/db/queries/market/network-history';
import { seedMarketHistory, seedNetworkDaily } from '@/db/seed/market';
import { loadNetworkHistory, NETWORK_HISTORY_DIR, parseCsv } from '@/db/seed/network-history';
import { createTestDb } from '../helpers/db';

let db: Db;
let drop: () => Promise<void>;
let csv: { daily: ReturnType<typeof parseCsv>; epochs: ReturnType<typeof parseCsv>; dailyText: string };
let firstLoadMs = 0;

const read = (f: string) => readFile(path.join(NETWORK_HISTORY_DIR, f), 'utf8');
/** Everything the loader writes, as one text: equal texts mean nothing changed. */
const fingerprint = async () =>
  (
    await queryRows<{ d: string; e: string }>(
      db,
      sql`select (select md5(string_agg(concat_ws('|', day, difficulty, network_hashrate_hs, fees_per_block_btc, blocks, fees_total_sats, tx_count, price_close_usd, source, updated_at), ',' order by day)) from network_daily) as d,
                 (select md5(string_agg(concat_ws('|', epoch, start_height, start_time, difficulty, hashrate_avg_hs, last_block_hash, source), ',' order by epoch)) from network_epochs) as e`,
    )
  )[0];

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const [dailyText, epochText] = await Promise.all([read('network-daily.csv'), read('difficulty-epochs.csv')]);
  csv = { daily: parseCsv(dailyText), epochs: parseCsv(epochText), dailyText };
  const started = Date.now();
  await seedMarketHistory(db);
  firstLoadMs = Date.now() - started;
});
afterAll(() => drop());

describe('the bundled network history (data/btc-network)', () => {
  it('is the checked-in copy: one line per row plus the header, no quoted fields', () => {
    expect(csv.dailyText.trim().split('\n')).toHaveLength(6_239);
    expect(csv.daily).toHaveLength(6_238);
    expect(csv.epochs).toHaveLength(474);
    expect(csv.dailyText).not.toContain('"');
  });

  it('loads every row: the table counts equal the CSV rows, within the start-up budget', async () => {
    const [r] = await queryRows<{ days: string | number; epochs: string | number; first: string; last: string }>(
      db,
      sql`select (select count(*) from network_daily where source like '%btc-network%') as days, (select count(*) from network_epochs) as epochs,
                 (select min(day)::text from network_daily) as first, (select max(day)::text from network_daily) as last`,
    );
    expect(Number(r!.days)).toBe(csv.daily.length);
    expect(Number(r!.epochs)).toBe(csv.epochs.length);
    expect(r).toMatchObject({ first: '2009-01-03', last: '2026-01-31' });
    // Prices and network history together; the loader alone is a fraction of it (see README for the figures).
    expect(firstLoadMs).toBeLessThan(10_000);
  });

  it('keeps an empty cell NULL in every column: the non-null counts equal the CSV non-empty counts', async () => {
    const filled = (col: string) => csv.daily.filter((row) => row[col] !== null).length;
    const [r] = await queryRows<Record<string, string | number>>(
      db,
      sql`select count(difficulty) as difficulty, count(blocks) as blocks, count(network_hashrate_hs) as hashrate,
                 count(fees_total_sats) as fees, count(fees_per_block_btc) as fees_per_block, count(tx_count) as tx
          from network_daily where source like '%btc-network%'`,
    );
    expect(Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)]))).toEqual({
      difficulty: filled('difficulty'),
      blocks: filled('blocks'),
      hashrate: filled('hashrate_ehs'),
      fees: filled('fees_btc_total'),
      fees_per_block: filled('fees_btc_per_block'),
      tx: filled('tx_count'),
    });
    expect(filled('blocks')).toBe(878); // PROVENANCE.md § coverage
    expect(filled('fees_btc_total')).toBe(6_231);
    // The days no source covers stay unknown, not 0: 2024-12-01 and 2025-08-05 … 10 have no fees.
    const gaps = await queryRows<{ day: string; fees_total_sats: string | null; tx_count: number | null; blocks: number | null }>(db, sql`select day::text as day, fees_total_sats, tx_count, blocks from network_daily where day in ('2024-12-01', '2025-08-05', '2025-08-10')`);
    expect(gaps).toHaveLength(3);
    for (const g of gaps) expect(g).toMatchObject({ fees_total_sats: null, tx_count: null, blocks: null });
    const [epoch473] = await queryRows<{ start_time: string | null; hashrate_avg_hs: string | null }>(db, sql`select start_time, hashrate_avg_hs from network_epochs where epoch = 473`);
    expect(epoch473).toEqual({ start_time: null, hashrate_avg_hs: null });
  });

  it('matches the spot checks of PROVENANCE.md § 3', async () => {
    const [e416] = await queryRows<{ difficulty: string; start_height: number }>(db, sql`select difficulty::text, start_height from network_epochs where epoch = 416`);
    expect(e416).toEqual({ difficulty: '86388558925171.02', start_height: 838_656 }); // block 840,000: ≈ 86.39 T
    const [e435] = await queryRows<{ difficulty: string; start_time: string }>(db, sql`select difficulty::text, to_char(start_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as start_time from network_epochs where epoch = 435`);
    expect(e435).toEqual({ difficulty: '109782075598905.19', start_time: '2024-12-29T21:55:37' });
    const [genesis] = await queryRows<{ t: string }>(db, sql`select to_char(start_time at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as t from network_epochs where epoch = 0`);
    expect(genesis!.t).toBe('2009-01-03T18:15:05');
    const days = await queryRows<{ day: string; blocks: number | null; fees_total_sats: string | number | null; difficulty: string }>(
      db,
      sql`select day::text as day, blocks, fees_total_sats, difficulty::text from network_daily where day in ('2009-01-05', '2009-01-09', '2024-04-20') order by day`,
    );
    expect(days.map((d) => ({ ...d, fees_total_sats: d.fees_total_sats === null ? null : Number(d.fees_total_sats) }))).toEqual([
      { day: '2009-01-05', blocks: 0, fees_total_sats: 0, difficulty: '1.00' }, // a real 0 (no block that day) stays 0
      { day: '2009-01-09', blocks: 14, fees_total_sats: 0, difficulty: '1.00' },
      { day: '2024-04-20', blocks: null, fees_total_sats: 125_771_544_525, difficulty: '86388558925171.02' }, // Runes day: ≈ 1,257.7 BTC
    ]);
  });

  it('stores hashrate exactly (EH/s × 10¹⁸ as numeric) and fees as whole sats', async () => {
    const [d] = await queryRows<{ hashrate: string; fees: string | number; per_block: string }>(db, sql`select network_hashrate_hs::text as hashrate, fees_total_sats as fees, fees_per_block_btc::text as per_block from network_daily where day = '2026-01-31'`);
    expect(d).toMatchObject({ hashrate: '971845700000000000000', per_block: '0.02203382' });
    expect(Number(d!.fees)).toBe(304_066_780); // 3.04066780 BTC
  });

  it('is idempotent: a second and third run write nothing and change nothing', async () => {
    const before = await fingerprint();
    expect((await loadNetworkHistory(db)).written).toEqual({ days: 0, epochs: 0 });
    expect(await seedNetworkDaily(db)).toBe(0);
    expect(await fingerprint()).toEqual(before);
  });

  it('the prices go in whichever order the two bundles load', async () => {
    const [p] = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from network_daily where price_close_usd is not null and source like '%btc-network%'`);
    expect(Number(p!.n)).toBe(737);
    const [d] = await dailySince(db, '2024-04-20');
    expect(d).toMatchObject({ day: '2024-04-20', priceCloseUsd: 64979.21, difficulty: 86388558925171.02 });
  });

  it('a later live snapshot for the same day wins, says so in source, and a reload leaves it alone', async () => {
    const base = { networkHashrateHs: 9e20, feesPerBlockBtc: 0.03, blockHeight: 935_000, hashpriceBtcPerPhDay: 0.0005, hashpriceUsdPerPhDay: 50, sources: {} };
    await upsertSnapshot(db, { ...base, bucketStart: new Date('2026-01-31T12:00:00Z'), btcPriceUsd: 84_000, difficulty: 1.5e14 });
    await rollupDayFromSnapshots(db, '2026-01-31');
    const check = async () => {
      const [r] = await queryRows<{ difficulty: string; fees_per_block_btc: string; blocks: number; fees_total_sats: string | number; source: string }>(db, sql`select difficulty::text, fees_per_block_btc::text, blocks, fees_total_sats, source from network_daily where day = '2026-01-31'`);
      expect(r).toMatchObject({ difficulty: '150000000000000', blocks: 138 });
      expect(Number(r!.fees_per_block_btc)).toBe(0.03);
      expect(Number(r!.fees_total_sats)).toBe(304_066_780);
      expect(r!.source).toMatch(/^snapshots; network: btc-network \(bundled\)/);
    };
    await check();
    await rollupDayFromSnapshots(db, '2026-01-31');
    await check();
    // Forcing the loader past its "already loaded" check still fills only what is null.
    await db.execute(sql`delete from network_epochs where epoch = 0`);
    expect((await loadNetworkHistory(db)).written).toEqual({ days: 0, epochs: 1 });
    await check();
  });

  it('the newest fee per block held, with its day (the bundled 144-block equivalent)', async () => {
    await db.execute(sql`update network_daily set fees_per_block_btc = null, source = 'network: btc-network (bundled), blocks rpcdata, fees rpcdata' where day = '2026-01-31'`);
    expect(await latestDailyFeePerBlock(db)).toMatchObject({ day: '2026-01-30', feesPerBlockBtc: 0.02557725, blocks: 131 });
  });
});
