import type { NewWindow, WindowKind } from '@/db/queries/power/curtailment-windows';
import { AppError } from '@/lib/core/errors';
import { addDays, zonedTime } from '@/lib/domain/power/zone';
import { csvRecords, ISO_OFFSET } from './csv-records';

export const WINDOW_CSV_MAX_ROWS = 5000;

type Defaults = { kind: WindowKind; strategy: string; perMinute: number };

/**
 * Windows as CSV with a header, in the site's zone: date, start, end (HH:MM; an end at or before the
 * start is the next day) and target_kw; or starts_at and ends_at as ISO 8601 with an offset (a
 * utility's or ISO's 4CP warning export). Optional: target_kind (cap | reduction, default
 * reduction), kind (scheduled | peak_warning), note. Every bad row is named and nothing is stored.
 */
export function parseWindowCsv(text: string, timeZone: string, d: Defaults): NewWindow[] {
  const { rows: records, fields } = csvRecords(text, WINDOW_CSV_MAX_ROWS);
  const local = ['date', 'start', 'end'].every((f) => fields.includes(f));
  const instants = ['starts_at', 'ends_at'].every((f) => fields.includes(f));
  if ((!local && !instants) || !fields.includes('target_kw')) throw new AppError('VALIDATION', 'Header must be date,start,end,target_kw (or starts_at,ends_at,target_kw)', { text: 'csvHeader' });
  const errors: Record<string, string> = {};
  const out: NewWindow[] = [];
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  records.forEach((r, i) => {
    const line = String(i + 2);
    let startsAt: Date;
    let endsAt: Date;
    if (local) {
      const date = (r.date ?? '').trim();
      const [from, to] = [(r.start ?? '').trim(), (r.end ?? '').trim()];
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)) || !time.test(from) || !time.test(to)) {
        errors[line] = 'time';
        return;
      }
      startsAt = zonedTime(date, from, timeZone);
      endsAt = zonedTime(to <= from ? addDays(date, 1) : date, to, timeZone);
    } else {
      startsAt = new Date((r.starts_at ?? '').trim());
      endsAt = new Date((r.ends_at ?? '').trim());
      if (!ISO_OFFSET.test((r.starts_at ?? '').trim()) || !ISO_OFFSET.test((r.ends_at ?? '').trim()) || Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) {
        errors[line] = 'time';
        return;
      }
    }
    const targetKw = Number((r.target_kw ?? '').trim());
    const targetKind = (r.target_kind ?? '').trim().toLowerCase() || 'reduction';
    const kind = (r.kind ?? '').trim().toLowerCase() || d.kind;
    if (!Number.isFinite(targetKw) || targetKw <= 0 || targetKw > 1_000_000) errors[line] = 'target_kw';
    else if (targetKind !== 'cap' && targetKind !== 'reduction') errors[line] = 'target_kind';
    else if (kind !== 'scheduled' && kind !== 'peak_warning') errors[line] = 'kind';
    else if ((r.note ?? '').length > 500) errors[line] = 'note';
    else out.push({ kind, startsAt, endsAt, strategy: d.strategy, targetKind, targetKw, perMinute: d.perMinute, note: r.note?.trim() || null });
  });
  if (Object.keys(errors).length) throw new AppError('VALIDATION', 'Some rows are invalid', { text: 'csvRows' }, { details: { rows: errors } });
  return out;
}
