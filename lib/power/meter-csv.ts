import type { MeterKind, MeterReading } from '@/db/queries/power/meters';
import { AppError } from '@/lib/core/errors';
import { csvRecords, ISO_OFFSET } from './csv-records';

const isMeterKind = (k: string): k is MeterKind => k === 'site' || k === 'pdu';

/** Rows one import may hold: a year of 15-minute intervals for one meter is 35,040. */
export const METER_CSV_MAX_ROWS = 50_000;

/**
 * A meter export as CSV with a header: meter_id, period_start, period_end (ISO 8601 with an offset),
 * kwh (or wh) and optionally kind (site, the default, or pdu). Every bad row is named (line: reason)
 * and nothing is stored if any is bad.
 */
export function parseMeterCsv(text: string): MeterReading[] {
  const { rows: records, fields } = csvRecords(text, METER_CSV_MAX_ROWS);
  if (!['meter_id', 'period_start', 'period_end'].every((f) => fields.includes(f)) || !(fields.includes('kwh') || fields.includes('wh'))) {
    throw new AppError('VALIDATION', 'Header must be meter_id,period_start,period_end,kwh (or wh)');
  }
  const errors: Record<string, string> = {};
  const rows: MeterReading[] = [];
  // One interval per meter and end in a file: two would leave which one counts to chance.
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const line = String(i + 2);
    const start = new Date(r.period_start ?? '');
    const end = new Date(r.period_end ?? '');
    const wh = r.kwh !== undefined && r.kwh !== '' ? Number(r.kwh) * 1000 : Number(r.wh);
    const kind = r.kind?.trim().toLowerCase() || 'site';
    if (!r.meter_id?.trim() || r.meter_id.length > 100) errors[line] = 'meter_id';
    else if (!ISO_OFFSET.test(r.period_start ?? '') || !ISO_OFFSET.test(r.period_end ?? '') || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) errors[line] = 'period';
    else if (!Number.isFinite(wh) || wh < 0 || wh > 1e12) errors[line] = 'energy';
    else if (!isMeterKind(kind)) errors[line] = 'kind';
    else if (seen.has(`${r.meter_id.trim()}|${end.getTime()}`)) errors[line] = 'duplicate';
    else {
      seen.add(`${r.meter_id.trim()}|${end.getTime()}`);
      rows.push({ meterId: r.meter_id.trim(), kind, periodStart: start, periodEnd: end, energyWh: Math.round(wh) });
    }
  });
  if (Object.keys(errors).length) throw new AppError('VALIDATION', 'Some rows are invalid', undefined, { details: { rows: errors } });
  return rows;
}
