import { z } from 'zod';
import { inRange, READING_BOUNDS } from './edge-bounds';
import { envelopeHeaderSchema, INGEST_MAX_MINERS, RECORD_LIMITS, RECORD_NUMBERS, RECORD_RANGES, type TelemetryEnvelopeHeader, type TelemetryRecord, telemetryRecordSchema } from './edge';

/** A record the upload could not take, by its index in `miners`. */
export type RecordError = { index: number; reason: string };
/**
 * An upload checked record by record: `records[i]` is the i-th record as zod returns it, or null
 * when it is invalid (then `errors` names it). Only a bad envelope around the records fails whole.
 */
export type ParsedUpload =
  | { success: true; header: TelemetryEnvelopeHeader; records: (TelemetryRecord | null)[]; errors: RecordError[] }
  | { success: false; error: z.ZodError };

/**
 * The envelope's header by envelopeHeaderSchema, then each record by telemetryRecordSchema, with a
 * fast path for the shape collectors send. zod spends ~3 µs a record (15–20 ms of a 5,000-miner
 * upload, the largest share of the handler's CPU); the checks below accept only records that zod
 * accepts and return what zod would return, in well under a microsecond. Anything else — an
 * unknown key, a missing default, any doubt — takes zod's own path, which also writes the error.
 * edge-fast-path.test.ts holds the two to the same answers over mutations of every field.
 */
export function parseTelemetryUpload(body: unknown): ParsedUpload {
  const shell = quickShell(body) ?? zodShell(body);
  if (!shell.success) return shell;
  const { miners } = shell;
  const instants = new Map<string, boolean>();
  const records: (TelemetryRecord | null)[] = new Array(miners.length);
  const errors: RecordError[] = [];
  for (let i = 0; i < miners.length; i++) {
    let record = fastRecord(miners[i], instants);
    if (!record) {
      const parsed = telemetryRecordSchema.safeParse(miners[i]);
      if (parsed.success) record = parsed.data;
      else errors.push({ index: i, reason: describeIssue(parsed.error.issues[0]!) });
    }
    records[i] = record;
  }
  return { success: true, header: shell.header, records, errors };
}

type Shell = { success: true; header: TelemetryEnvelopeHeader; miners: unknown[] } | { success: false; error: z.ZodError };

/** The header and the list of records, as shellSchema would return them, or null where zod must decide. */
function quickShell(body: unknown): Shell | null {
  if (!isPlainObject(body) || !Array.isArray(body.miners) || body.miners.length > INGEST_MAX_MINERS) return null;
  const { miners, ...rest } = body;
  const header = envelopeHeaderSchema.safeParse(rest);
  return header.success ? { success: true, header: header.data, miners } : null;
}

/** The envelope around the records; its issues are the ones telemetryEnvelopeSchema reports first (the header's keys come before `miners`). */
const shellSchema = envelopeHeaderSchema.extend({ miners: z.array(z.unknown()).max(INGEST_MAX_MINERS) });

function zodShell(body: unknown): Shell {
  const parsed = shellSchema.safeParse(body);
  if (!parsed.success) return { success: false, error: parsed.error };
  const { miners, ...header } = parsed.data;
  return { success: true, header, miners };
}

/** An issue as `errors[]` reports it: the field's path inside the record, then zod's message. */
const describeIssue = (issue: z.core.$ZodIssue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message);

const RECORD_KEYS = new Set(['ip', 'port', 'collected_at', 'online', 'error', 'vendor', 'model', 'firmware', 'mac_address', 'fans_rpm', 'power_source', 'pools', ...RECORD_NUMBERS]);
/** Each ranged field with its bounds, flat: looked up 12 times a record. */
const RANGED = RECORD_NUMBERS.map((n) => [n, RECORD_RANGES[n].min, RECORD_RANGES[n].max] as const);
const POOL_KEYS = new Set(['url', 'user', 'status', 'accepted', 'rejected']);
const isoDateTime = z.iso.datetime({ offset: true });

/** The record as zod would return it (defaults applied), or null where zod must decide. */
function fastRecord(r: unknown, instants: Map<string, boolean>): TelemetryRecord | null {
  if (!isPlainObject(r)) return null;
  for (const key in r) if (!RECORD_KEYS.has(key)) return null;
  const { text } = RECORD_LIMITS;
  if (!shortText(r.ip, text.ip) || (r.ip as string).length < 1) return null;
  if (r.port !== undefined && !(Number.isSafeInteger(r.port) && (r.port as number) >= 1 && (r.port as number) <= 65535)) return null;
  if (r.collected_at !== undefined && !(typeof r.collected_at === 'string' && isInstant(r.collected_at, instants))) return null;
  if (typeof r.online !== 'boolean') return null;
  if (!nullableText(r.error, text.error) || !nullableText(r.vendor, text.vendor) || !nullableText(r.model, text.model) || !nullableText(r.firmware, text.firmware)) return null;
  if (r.mac_address != null && !(typeof r.mac_address === 'string' && RECORD_LIMITS.mac.test(r.mac_address))) return null;
  for (let k = 0; k < RANGED.length; k++) {
    const [n, min, max] = RANGED[k]!;
    const v = r[n];
    if (v != null && !(typeof v === 'number' && v >= min && v <= max)) return null;
  }
  if (r.fans_rpm !== undefined && !(Array.isArray(r.fans_rpm) && r.fans_rpm.length <= RECORD_LIMITS.fans && r.fans_rpm.every(isFanRpm))) return null;
  if (r.power_source != null && !RECORD_LIMITS.powerSources.includes(r.power_source as 'reported')) return null;
  if (r.pools !== undefined && !(Array.isArray(r.pools) && r.pools.length <= RECORD_LIMITS.pools && r.pools.every(isPool))) return null;
  // zod returns the keys present plus the two defaults.
  if (r.port === undefined) r.port = 4028;
  if (r.fans_rpm === undefined) r.fans_rpm = [];
  return r as TelemetryRecord;
}

function isPool(p: unknown): boolean {
  if (!isPlainObject(p)) return false;
  for (const key in p) if (!POOL_KEYS.has(key)) return false;
  const { poolText } = RECORD_LIMITS;
  return shortText(p.url, poolText.url) && shortText(p.user, poolText.user) && shortText(p.status, poolText.status) && nullableCounter(p.accepted) && nullableCounter(p.rejected);
}

/** An upload's readings share a handful of timestamps: each distinct text goes through zod's own datetime check once. */
function isInstant(s: string, seen: Map<string, boolean>): boolean {
  let ok = seen.get(s);
  if (ok === undefined) seen.set(s, (ok = isoDateTime.safeParse(s).success));
  return ok;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}
const isFanRpm = (v: unknown) => inRange(v, READING_BOUNDS.fanRpm);
const shortText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max && !v.includes('\u0000');
const nullableText = (v: unknown, max: number) => v == null || shortText(v, max);
const nullableCounter = (v: unknown) => v == null || inRange(v, READING_BOUNDS.counter);
