import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';

/** The bundled Bitcoin network history (sources, licences and formulas in its PROVENANCE.md). */
export const NETWORK_HISTORY_DIR = path.join(process.cwd(), 'data', 'btc-network');
/** Marks the rows and the part of `source` the bundle wrote; blocks and fees name their own origin. */
export const BUNDLED_NETWORK_SOURCE = 'network: btc-network (bundled)';

type CsvRow = Record<string, string | null>;

/** The CSVs hold no quoted fields (checked in the loader test); an empty cell is unknown, so null. */
export function parseCsv(text: string): CsvRow[] {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = head!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    if (cells.length !== cols.length) throw new Error(`bad CSV line (${cells.length} cells, ${cols.length} columns): ${line.slice(0, 80)}`);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] === '' ? null : cells[i]!]));
  });
}

export type NetworkHistoryLoad = { days: number; epochs: number; written: { days: number; epochs: number } };

/**
 * Loads the bundled history into network_epochs and network_daily, on every start and by
 * `npm run db:seed`. One statement per table (the rows travel as one JSON parameter), so the load
 * takes well under a second and a start where it is all there already costs two counts.
 *
 * Idempotent, and never over a better value: a day that already has a difficulty, hashrate or fee
 * (a live snapshot roll-up, a backfill) keeps it; the bundle fills only what is null there, and a
 * day it has touched once is not touched again. Numbers go in as text and are cast in SQL, so
 * difficulty and hashrate stay exact numerics and fees become whole sats without a float between.
 */
export async function loadNetworkHistory(db: Db, dir = NETWORK_HISTORY_DIR): Promise<NetworkHistoryLoad> {
  const [epochText, dailyText] = await Promise.all([readFile(path.join(dir, 'difficulty-epochs.csv'), 'utf8'), readFile(path.join(dir, 'network-daily.csv'), 'utf8')]);
  const epochs = parseCsv(epochText);
  const days = parseCsv(dailyText);
  const [held] = await queryRows<{ epochs: string | number; days: string | number }>(
    db,
    sql`select (select count(*) from network_epochs) as epochs,
               (select count(*) from network_daily where source like ${`%${BUNDLED_NETWORK_SOURCE}%`}) as days`,
  );
  if (Number(held?.epochs) >= epochs.length && Number(held?.days) >= days.length) return { days: days.length, epochs: epochs.length, written: { days: 0, epochs: 0 } };

  const epochRows = await queryRows<{ epoch: number }>(
    db,
    sql`insert into network_epochs (epoch, start_height, start_time, difficulty, hashrate_avg_hs, last_block_hash, source)
        select r.epoch::int, r.start_height::int, to_timestamp(r.start_time_unix::bigint), r.difficulty::numeric,
               round(r.hashrate_ehs_avg::numeric * 1e18), r.last_block_hash,
               'difficulty: electrum' || coalesce('; start time: ' || r.time_source, '') || ' (bundled)'
        from json_to_recordset(${JSON.stringify(epochs)}::json)
          as r(epoch text, start_height text, start_time_unix text, difficulty text, hashrate_ehs_avg text, last_block_hash text, time_source text)
        on conflict (epoch) do update set
          start_height = excluded.start_height, start_time = excluded.start_time, difficulty = excluded.difficulty,
          hashrate_avg_hs = excluded.hashrate_avg_hs, last_block_hash = excluded.last_block_hash, source = excluded.source
        where (network_epochs.start_time, network_epochs.difficulty, network_epochs.hashrate_avg_hs, network_epochs.last_block_hash)
          is distinct from (excluded.start_time, excluded.difficulty, excluded.hashrate_avg_hs, excluded.last_block_hash)
        returning epoch`,
  );
  const dayRows = await queryRows<{ day: string }>(
    db,
    sql`insert into network_daily (day, difficulty, network_hashrate_hs, fees_per_block_btc, blocks, fees_total_sats, tx_count, source)
        select r.date::date, r.difficulty::numeric, round(r.hashrate_ehs::numeric * 1e18), r.fees_btc_per_block::numeric,
               r.blocks::int, round(r.fees_btc_total::numeric * 1e8)::bigint, r.tx_count::int,
               ${BUNDLED_NETWORK_SOURCE} || coalesce(', blocks ' || r.blocks_src, '') || coalesce(', fees ' || r.fees_src, '')
        from json_to_recordset(${JSON.stringify(days)}::json)
          as r(date text, difficulty text, hashrate_ehs text, fees_btc_per_block text, blocks text, fees_btc_total text, tx_count text, blocks_src text, fees_src text)
        on conflict (day) do update set
          difficulty = coalesce(network_daily.difficulty, excluded.difficulty),
          network_hashrate_hs = coalesce(network_daily.network_hashrate_hs, excluded.network_hashrate_hs),
          fees_per_block_btc = coalesce(network_daily.fees_per_block_btc, excluded.fees_per_block_btc),
          blocks = coalesce(network_daily.blocks, excluded.blocks),
          fees_total_sats = coalesce(network_daily.fees_total_sats, excluded.fees_total_sats),
          tx_count = coalesce(network_daily.tx_count, excluded.tx_count),
          source = network_daily.source || '; ' || excluded.source,
          updated_at = now()
        where network_daily.source not like ${`%${BUNDLED_NETWORK_SOURCE}%`}
        returning day`,
  );
  return { days: days.length, epochs: epochs.length, written: { days: dayRows.length, epochs: epochRows.length } };
}
