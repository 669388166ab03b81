import { z } from 'zod';
import { COLLECTOR_BOUNDS, READING_BOUNDS } from './edge-bounds';

/** Readings in one upload (REFERENCE §6); its bytes, before and after gzip, are BODY_LIMITS.edgeIngest. */
export const INGEST_MAX_MINERS = 5000;

/** The record's limits, shared by the schema and its fast path (./edge-fast-path.ts). */
export const RECORD_LIMITS = {
  text: { ip: 64, error: 500, vendor: 32, model: 80, firmware: 120 },
  poolText: { url: 300, user: 200, status: 40 },
  fans: 16,
  pools: 8,
  mac: /^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$/,
  powerSources: ['reported', 'model'] as const,
};

const { hashrateThs, tempC, powerW, counter, uptimeS } = READING_BOUNDS;
/** Each number of a record and its range (./edge-bounds.ts). */
export const RECORD_RANGES = {
  hashrate_5s_ths: hashrateThs,
  hashrate_avg_ths: hashrateThs,
  hashrate_nominal_ths: hashrateThs,
  temp_chip_max_c: tempC,
  temp_board_max_c: tempC,
  temp_inlet_c: tempC,
  temp_outlet_c: tempC,
  power_w: powerW,
  accepted: counter,
  rejected: counter,
  hardware_errors: counter,
  uptime_s: uptimeS,
} as const;
type RangedField = keyof typeof RECORD_RANGES;
export const RECORD_NUMBERS = Object.keys(RECORD_RANGES) as RangedField[];
const { text, poolText } = RECORD_LIMITS;

/** PostgreSQL text cannot hold U+0000; a NUL is refused here rather than by the database. */
export const NO_NUL = /^[^\u0000]*$/;
const ranged = (r: { min: number; max: number }) => z.number().min(r.min).max(r.max);
const optionalNumber = (r: { min: number; max: number }) => ranged(r).nullable().optional();
const boundedText = (max: number) => z.string().max(max).regex(NO_NUL, 'must not contain NUL');
const nullableText = (max: number) => boundedText(max).nullable().optional();

/**
 * One miner in telemetry_envelope.v1: a `MinerReading` (lib/edge/types.ts) in snake_case. A miner is
 * identified on its site by MAC, else by host and port.
 */
export const telemetryRecordSchema = z.object({
  ip: boundedText(text.ip).min(1),
  port: z.number().int().min(1).max(65535).default(4028),
  collected_at: z.iso.datetime({ offset: true }).optional(),
  online: z.boolean(),
  error: nullableText(text.error),
  vendor: nullableText(text.vendor),
  model: nullableText(text.model),
  firmware: nullableText(text.firmware),
  mac_address: z.string().regex(RECORD_LIMITS.mac).nullable().optional(),
  ...(Object.fromEntries(RECORD_NUMBERS.map((n) => [n, optionalNumber(RECORD_RANGES[n])])) as Record<RangedField, ReturnType<typeof optionalNumber>>),
  fans_rpm: z.array(ranged(READING_BOUNDS.fanRpm)).max(RECORD_LIMITS.fans).default([]),
  power_source: z.enum(RECORD_LIMITS.powerSources).nullable().optional(),
  pools: z
    .array(
      z.object({
        url: boundedText(poolText.url),
        user: boundedText(poolText.user),
        status: boundedText(poolText.status),
        accepted: optionalNumber(counter),
        rejected: optionalNumber(counter),
      }),
    )
    .max(RECORD_LIMITS.pools)
    .optional(),
});

export const envelopeHeaderSchema = z.object({
  format: z.literal('telemetry_envelope.v1'),
  collected_at: z.iso.datetime({ offset: true }),
  edge_version: boundedText(40).optional(),
  buffer_depth: ranged(COLLECTOR_BOUNDS.bufferDepth).int().optional(),
});

export const telemetryEnvelopeSchema = envelopeHeaderSchema.extend({
  miners: z.array(telemetryRecordSchema).max(INGEST_MAX_MINERS),
});

export type TelemetryRecord = z.infer<typeof telemetryRecordSchema>;
export type TelemetryEnvelope = z.infer<typeof telemetryEnvelopeSchema>;
export type TelemetryEnvelopeHeader = z.infer<typeof envelopeHeaderSchema>;
