import type { Db } from '@/db/client';
import { hitRateLimit } from '@/db/queries/auth/rate-limit';
import { ensureRawPartitions, RAW_RETENTION_MS } from '@/db/queries/telemetry/partitions';
import { type IngestItem, writeTelemetry } from '@/db/queries/telemetry/ingest';
import { INGEST_MAX_MINERS, type TelemetryRecord } from '@/lib/validation/edge';
import { COLLECTOR_BOUNDS, inRange, type Range } from '@/lib/validation/edge-bounds';
import { parseTelemetryUpload, type RecordError } from '@/lib/validation/edge-fast-path';
import { NO_PARAMS } from '@/lib/api/bearer-token';
import { type DeviceHandler, withDeviceToken } from '@/lib/api/with-device-token';
import { AppError } from '@/lib/core/errors';
import { readJsonBody } from './read-body';

/** Uploads per token per minute: a 6,000-miner farm sends two a minute; replays after an outage burst. */
export const INGEST_RATE_PER_MIN = 600;
/** A reading stamped further ahead than this is a collector clock fault, not data. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export type IngestResponse = {
  status: 'ok';
  received: number;
  processed: number;
  online: number;
  offline: number;
  inserted: number;
  updated: number;
  errors: RecordError[];
};

/**
 * POST /api/edge/v1/telemetry/ingest (REFERENCE §6). Everything before the single write transaction
 * only reads, so any refusal (401, 413, 429, 4xx validation) leaves the telemetry untouched.
 * Records are checked one by one: an invalid one is reported in `errors` and the others are
 * stored, so one bad reading cannot hold back a site's uploads. An upload with records of which
 * none is valid is refused whole (400), so the collector keeps it as a dead letter instead of
 * counting it delivered.
 */
export const ingestTelemetry: DeviceHandler = async (request, { db, device, now }) => {
  const { count, windowStart } = await hitRateLimit(db, `edge-ingest:${device.id}`, 60, now);
  if (count > INGEST_RATE_PER_MIN) {
    // Retry-After: the seconds left in this minute's window, so a collector backs off exactly as long as it must.
    const retryAfterS = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', `More than ${INGEST_RATE_PER_MIN} uploads a minute for this token`, undefined, { retryAfterS });
  }

  const body = await readJsonBody(request);
  const miners = (body as { miners?: unknown } | null)?.miners;
  if (Array.isArray(miners) && miners.length > INGEST_MAX_MINERS) {
    throw new AppError('TOO_MANY_MINERS', `${miners.length} miners in one upload; the limit is ${INGEST_MAX_MINERS}`);
  }
  const parsed = parseTelemetryUpload(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  const { header, records } = parsed;
  if (records.length && parsed.errors.length === records.length) {
    const [first] = parsed.errors;
    const more = records.length > 1 ? ` (all ${records.length} records are invalid)` : '';
    throw new AppError('VALIDATION', `miners.${first!.index}: ${first!.reason}${more}`);
  }

  const { items, errors, span } = admitReadings(records, parsed.errors, header.collected_at, now);
  let counts = { inserted: 0, updated: 0 };
  if (items.length) {
    await ensureRawPartitions(db, span);
    counts = await writeTelemetry(db, device, items, {
      now,
      version: header.edge_version ?? null,
      bufferDepth: headerCount(request, 'x-edge-buffer-depth', COLLECTOR_BOUNDS.bufferDepth) ?? header.buffer_depth ?? null,
      deadLetters: headerCount(request, 'x-edge-dead-letters', COLLECTOR_BOUNDS.deadLetters),
      deadLetterBytes: headerCount(request, 'x-edge-dead-letter-bytes', COLLECTOR_BOUNDS.deadLetterBytes),
    });
  }
  const online = items.filter((i) => i.record.online).length;
  const result: IngestResponse = {
    status: 'ok',
    received: records.length,
    processed: items.length,
    online,
    offline: items.length - online,
    ...counts,
    errors,
  };
  return Response.json(result);
};

/** The ingest as its route runs it, against a given database and clock (tests, the collector tests' cloud). */
export const handleIngest = (db: Db, request: Request, now: Date) => withDeviceToken('edge-ingest', ingestTelemetry, async () => ({ db, now }))(request, NO_PARAMS);

/**
 * The valid readings inside the raw retention and the clock-skew allowance, with their instants in
 * epoch milliseconds; the others are reported per record, in upload order (`refused` names the
 * invalid records, in that order too). An upload's readings share a handful of instants, so each
 * distinct timestamp text is parsed once.
 */
function admitReadings(records: (TelemetryRecord | null)[], refused: RecordError[], collectedAt: string, now: Date) {
  const errors: RecordError[] = [];
  let nextRefused = 0;
  const items: IngestItem[] = [];
  const span = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const instants = new Map<string, number>();
  const oldest = now.getTime() - RAW_RETENTION_MS;
  const newest = now.getTime() + MAX_CLOCK_SKEW_MS;
  records.forEach((record, index) => {
    if (!record) return errors.push(refused[nextRefused++]!);
    const text = record.collected_at ?? collectedAt;
    let t = instants.get(text);
    if (t === undefined) instants.set(text, (t = Date.parse(text)));
    if (t < oldest) return errors.push({ index, reason: 'collected_at is older than the 26-hour raw retention' });
    if (t > newest) return errors.push({ index, reason: 'collected_at is in the future (collector clock?)' });
    items.push({ record, collectedMs: t });
    span[0] = Math.min(span[0]!, t);
    span[1] = Math.max(span[1]!, t);
  });
  return { items, errors, span };
}

/**
 * A count the collector reports about itself at send time (its buffer depth, fresher than the one
 * written into a buffered envelope; its dead letters). Advisory: one out of range is ignored rather
 * than refusing the readings it travels with.
 */
function headerCount(request: Request, name: string, range: Range): number | null {
  const text = request.headers.get(name);
  if (!text || !/^\d{1,16}$/.test(text)) return null;
  const v = Number(text);
  return inRange(v, range) ? v : null;
}
