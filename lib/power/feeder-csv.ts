import type { FeederMapping } from '@/db/queries/power/feeders';
import { AppError } from '@/lib/core/errors';
import { csvRecords } from './csv-records';

export const FEEDER_CSV_MAX_ROWS = 20_000;

/**
 * A feeder map as CSV with a header: feeder (its code) on every row; cap_kw on at least one row of
 * each feeder; then either miner (name, serial, MAC, worker or IP) or rack (with an optional room) to
 * say what hangs on it. A row with only feeder and cap_kw declares a feeder with nothing on it yet.
 */
export function parseFeederCsv(text: string): FeederMapping {
  const { rows: records, fields } = csvRecords(text, FEEDER_CSV_MAX_ROWS);
  if (!fields.includes('feeder') || !fields.includes('cap_kw')) throw new AppError('VALIDATION', 'Header must name feeder and cap_kw (and miner or rack)', { text: 'csvHeader' });
  const errors: Record<string, string> = {};
  const caps = new Map<string, number>();
  const members: FeederMapping['members'] = [];
  records.forEach((r, i) => {
    const line = String(i + 2);
    const code = (r.feeder ?? '').trim();
    const cap = (r.cap_kw ?? '').trim();
    const miner = (r.miner ?? '').trim();
    const rack = (r.rack ?? '').trim();
    if (!code || code.length > 50) return void (errors[line] = 'feeder');
    if (cap !== '') {
      const kw = Number(cap);
      if (!Number.isFinite(kw) || kw <= 0 || kw > 1_000_000) return void (errors[line] = 'cap_kw');
      if (caps.has(code) && caps.get(code) !== kw) return void (errors[line] = 'cap_kw');
      caps.set(code, kw);
    }
    if (miner && rack) return void (errors[line] = 'miner');
    if (rack) {
      if (!/^\d{1,6}$/.test(rack)) return void (errors[line] = 'rack');
      members.push({ code, rack: Number(rack), room: (r.room ?? '').trim() || undefined });
    } else if (miner) members.push({ code, miner });
  });
  for (const [i, m] of members.entries()) if (!caps.has(m.code)) errors[`member ${i + 1}`] = 'cap_kw';
  if (Object.keys(errors).length) throw new AppError('VALIDATION', 'Some rows are invalid', { text: 'csvRows' }, { details: { rows: errors } });
  return { feeders: [...caps].map(([code, capKw]) => ({ code, capKw })), members };
}
