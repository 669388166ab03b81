import { z } from 'zod';

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
export const RECORD_NUMBERS = ['hashrate_5s_ths', 'hashrate_avg_ths', 'hashrate_nominal_ths', 'temp_chip_max_c', 'temp_board_max_c', 'temp_inlet_c', 'temp_outlet_c'] as const;
export const RECORD_COUNTS = ['power_w', 'accepted', 'rejected', 'hardware_errors', 'uptime_s'] as const;
const { text, poolText } = RECORD_LIMITS;

const num = z.number().finite().nullable().optional();
const count = z.number().finite().min(0).nullable().optional();
const nullableText = (max: number) => z.string().max(max).nullable().optional();

/**
 * One miner in telemetry_envelope.v1: a `MinerReading` (lib/edge/types.ts) in snake_case. A miner is
 * identified on its site by MAC, else by host and port.
 */
export const telemetryRecordSchema = z.object({
  ip: z.string().min(1).max(text.ip),
  port: z.number().int().min(1).max(65535).default(4028),
  collected_at: z.iso.datetime({ offset: true }).optional(),
  online: z.boolean(),
  error: nullableText(text.error),
  vendor: nullableText(text.vendor),
  model: nullableText(text.model),
  firmware: nullableText(text.firmware),
  mac_address: z.string().regex(RECORD_LIMITS.mac).nullable().optional(),
  ...(Object.fromEntries(RECORD_NUMBERS.map((n) => [n, num])) as Record<(typeof RECORD_NUMBERS)[number], typeof num>),
  fans_rpm: z.array(z.number().finite().min(0)).max(RECORD_LIMITS.fans).default([]),
  power_source: z.enum(RECORD_LIMITS.powerSources).nullable().optional(),
  ...(Object.fromEntries(RECORD_COUNTS.map((n) => [n, count])) as Record<(typeof RECORD_COUNTS)[number], typeof count>),
  pools: z
    .array(z.object({ url: z.string().max(poolText.url), user: z.string().max(poolText.user), status: z.string().max(poolText.status), accepted: count, rejected: count }))
    .max(RECORD_LIMITS.pools)
    .optional(),
});

export const envelopeHeaderSchema = z.object({
  format: z.literal('telemetry_envelope.v1'),
  collected_at: z.iso.datetime({ offset: true }),
  edge_version: z.string().max(40).optional(),
  buffer_depth: z.number().int().min(0).optional(),
});

export const telemetryEnvelopeSchema = envelopeHeaderSchema.extend({
  miners: z.array(telemetryRecordSchema).max(INGEST_MAX_MINERS),
});

export type TelemetryRecord = z.infer<typeof telemetryRecordSchema>;
export type TelemetryEnvelope = z.infer<typeof telemetryEnvelopeSchema>;
