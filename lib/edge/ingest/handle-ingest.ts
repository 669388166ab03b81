import type { Db } from '@/db/client';
import { hitRateLimit } from '@/db/queries/rate-limit';
import { ensureRawPartitions, RAW_RETENTION_MS } from '@/db/queries/telemetry-partitions';
import { type IngestItem, writeTelemetry } from '@/db/queries/telemetry-ingest';
import { INGEST_MAX_MINERS, type TelemetryEnvelope } from '@/lib/validation/edge';
import { parseTelemetryEnvelope } from '@/lib/validation/edge-fast-path';
import { authenticateDevice, edgeErrorResponse } from '../api/device-auth';
import { IngestError, readJsonBody } from './read-body';

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
  errors: { index: number; reason: string }[];
};

/**
 * POST /api/edge/v1/telemetry/ingest (REFERENCE §6). Everything before the single write transaction
 * only reads, so any refusal (401, 413, 429, 4xx validation) leaves the telemetry untouched.
 */
export async function handleIngest(db: Db, request: Request, now: Date): Promise<Response> {
  try {
    const device = await authenticateDevice(db, request);
    const { count } = await hitRateLimit(db, `edge-ingest:${device.id}`, 60, now);
    if (count > INGEST_RATE_PER_MIN) throw new IngestError(429, 'RATE_LIMITED', `More than ${INGEST_RATE_PER_MIN} uploads a minute for this token`);

    const body = await readJsonBody(request);
    const miners = (body as { miners?: unknown } | null)?.miners;
    if (Array.isArray(miners) && miners.length > INGEST_MAX_MINERS) {
      throw new IngestError(413, 'TOO_MANY_MINERS', `${miners.length} miners in one upload; the limit is ${INGEST_MAX_MINERS}`);
    }
    const parsed = parseTelemetryEnvelope(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new IngestError(400, 'VALIDATION', `${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const envelope = parsed.data;

    const { items, errors, span } = admitReadings(envelope, now);
    let counts = { inserted: 0, updated: 0 };
    if (items.length) {
      await ensureRawPartitions(db, span);
      counts = await writeTelemetry(db, device, items, { now, version: envelope.edge_version ?? null, bufferDepth: headerDepth(request) ?? envelope.buffer_depth ?? null });
    }
    const online = items.filter((i) => i.record.online).length;
    const result: IngestResponse = {
      status: 'ok',
      received: envelope.miners.length,
      processed: items.length,
      online,
      offline: items.length - online,
      ...counts,
      errors,
    };
    return Response.json(result);
  } catch (e) {
    return edgeErrorResponse(e, 'edge-ingest');
  }
}

/**
 * The readings inside the raw retention and the clock-skew allowance, with their instants
 * normalised to UTC ISO; the others are reported per record. An upload's readings share a handful
 * of instants, so each distinct timestamp text is parsed once.
 */
function admitReadings(envelope: TelemetryEnvelope, now: Date) {
  const errors: IngestResponse['errors'] = [];
  const items: IngestItem[] = [];
  const span = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const instants = new Map<string, number>();
  const oldest = now.getTime() - RAW_RETENTION_MS;
  const newest = now.getTime() + MAX_CLOCK_SKEW_MS;
  envelope.miners.forEach((record, index) => {
    const text = record.collected_at ?? envelope.collected_at;
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

/** The collector's queue length at send time (header), fresher than the one written into a buffered envelope. */
function headerDepth(request: Request): number | null {
  const v = Number(request.headers.get('x-edge-buffer-depth') ?? Number.NaN);
  return Number.isInteger(v) && v >= 0 ? v : null;
}
