import { z } from 'zod';
import { envelopeHeaderSchema, INGEST_MAX_MINERS, RECORD_COUNTS, RECORD_LIMITS, RECORD_NUMBERS, type TelemetryEnvelope, type TelemetryRecord, telemetryEnvelopeSchema } from './edge';

type Parsed = { success: true; data: TelemetryEnvelope } | { success: false; error: z.ZodError };

/**
 * telemetryEnvelopeSchema.safeParse with a fast path for the shape collectors send. zod spends
 * ~3 µs a record (15–20 ms of a 5,000-miner upload, the largest share of the handler's CPU); the
 * checks below accept only records that zod accepts and return what zod would return, in well
 * under a microsecond. Anything else — an unknown key, a missing default, any doubt — takes zod's
 * own path, which also writes the error. edge-fast-path.test.ts holds the two to
 * the same answers over mutations of every field.
 */
export function parseTelemetryEnvelope(body: unknown): Parsed {
  const fast = fastEnvelope(body);
  if (fast) return { success: true, data: fast };
  const parsed = telemetryEnvelopeSchema.safeParse(body);
  return parsed.success ? { success: true, data: parsed.data } : { success: false, error: parsed.error };
}

const RECORD_KEYS = new Set(['ip', 'port', 'collected_at', 'online', 'error', 'vendor', 'model', 'firmware', 'mac_address', 'fans_rpm', 'power_source', 'pools', ...RECORD_NUMBERS, ...RECORD_COUNTS]);
const POOL_KEYS = new Set(['url', 'user', 'status', 'accepted', 'rejected']);
const isoDateTime = z.iso.datetime({ offset: true });

function fastEnvelope(body: unknown): TelemetryEnvelope | null {
  if (!isPlainObject(body) || !Array.isArray(body.miners) || body.miners.length > INGEST_MAX_MINERS) return null;
  const { miners, ...rest } = body;
  const header = envelopeHeaderSchema.safeParse(rest);
  if (!header.success) return null;
  const instants = new Map<string, boolean>();
  const out: TelemetryRecord[] = new Array(miners.length);
  for (let i = 0; i < miners.length; i++) {
    const record = fastRecord(miners[i], instants);
    if (!record) return null;
    out[i] = record;
  }
  return { ...header.data, miners: out };
}

/** The record as zod would return it (defaults applied), or null where zod must decide. */
function fastRecord(r: unknown, instants: Map<string, boolean>): TelemetryRecord | null {
  if (!isPlainObject(r)) return null;
  for (const key in r) if (!RECORD_KEYS.has(key)) return null;
  const { text } = RECORD_LIMITS;
  if (typeof r.ip !== 'string' || r.ip.length < 1 || r.ip.length > text.ip) return null;
  if (r.port !== undefined && !(Number.isSafeInteger(r.port) && (r.port as number) >= 1 && (r.port as number) <= 65535)) return null;
  if (r.collected_at !== undefined && !(typeof r.collected_at === 'string' && isInstant(r.collected_at, instants))) return null;
  if (typeof r.online !== 'boolean') return null;
  if (!nullableText(r.error, text.error) || !nullableText(r.vendor, text.vendor) || !nullableText(r.model, text.model) || !nullableText(r.firmware, text.firmware)) return null;
  if (r.mac_address != null && !(typeof r.mac_address === 'string' && RECORD_LIMITS.mac.test(r.mac_address))) return null;
  for (const n of RECORD_NUMBERS) if (r[n] != null && !isFiniteNumber(r[n])) return null;
  for (const n of RECORD_COUNTS) if (!nullableCount(r[n])) return null;
  if (r.fans_rpm !== undefined && !(Array.isArray(r.fans_rpm) && r.fans_rpm.length <= RECORD_LIMITS.fans && r.fans_rpm.every((f) => isFiniteNumber(f) && f >= 0))) return null;
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
  return shortText(p.url, poolText.url) && shortText(p.user, poolText.user) && shortText(p.status, poolText.status) && nullableCount(p.accepted) && nullableCount(p.rejected);
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
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const shortText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
const nullableText = (v: unknown, max: number) => v == null || shortText(v, max);
const nullableCount = (v: unknown) => v == null || (isFiniteNumber(v) && v >= 0);
