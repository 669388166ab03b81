import { getDb } from '@/db';
import { listMiners } from '@/db/queries/hosting/miners';
import { withActor } from '@/lib/api/with-actor';
import { AppError } from '@/lib/core/errors';
import { minerExportRecords } from '@/lib/hosting/miner-export';
import { recordsToCsv, recordsToXlsx } from '@/lib/spreadsheet/write';
import { minerListQuerySchema } from '@/lib/validation/hosting';

/** The list never holds more; an export past it would be cut without saying so, so it is refused. */
const MAX_ROWS = 20_000;

/**
 * `GET /api/hosting/miners/export?format=csv|xlsx&<the list's filters and sort>`: every miner the
 * filter shows (all pages), with the live columns as the list has them (state, hashrate, chip,
 * power, last seen — each with its source), headers in the user's language. Formula-looking text
 * is neutralised by lib/spreadsheet/write.
 */
export const GET = withActor({ module: 'hosting:status_monitor', level: 'READ' }, async (req, { actor }) => {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const format = params.format === 'xlsx' ? 'xlsx' : 'csv';
  const { include_metrics: _m, page: _p, pageSize: _s, sort, dir, ...filter } = minerListQuerySchema.parse(params);
  const result = await listMiners(await getDb(), actor.scope, filter, { page: 1, pageSize: MAX_ROWS, sort, dir });
  if (result.total > MAX_ROWS) throw new AppError('VALIDATION', `at most ${MAX_ROWS} miners per export: narrow the filter`);
  const records = minerExportRecords(result.rows, actor.locale);
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'csv') {
    return new Response(`\uFEFF${recordsToCsv(records)}`, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="miners-${stamp}.csv"`, 'cache-control': 'no-store' },
    });
  }
  return new Response(await recordsToXlsx('Miners', records), {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="miners-${stamp}.xlsx"`, 'cache-control': 'no-store' },
  });
});
