import Papa from 'papaparse';
import { AppError } from '@/lib/core/errors';

/** An instant in a CSV must carry its offset (Z or ±HH:MM): without one it would be read in the server's zone. */
export const ISO_OFFSET = /([zZ]|[+-]\d\d:?\d\d)$/;

/**
 * A CSV with a header as records keyed by its column names trimmed and lower-cased, blank lines
 * skipped; more than `maxRows` rows is PAYLOAD_TOO_LARGE. The power imports (meters, windows,
 * feeders) share it, so each reads its columns the same way.
 */
export function csvRecords(text: string, maxRows: number): { rows: Record<string, string>[]; fields: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  if (parsed.data.length > maxRows) throw new AppError('PAYLOAD_TOO_LARGE', `At most ${maxRows} rows`);
  return { rows: parsed.data, fields: parsed.meta.fields ?? [] };
}
