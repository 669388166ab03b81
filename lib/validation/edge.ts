import { z } from 'zod';

/** Limits of one upload (REFERENCE §6): bytes before and after gzip, and records. */
export const INGEST_MAX_BYTES = 10 * 1024 * 1024;
export const INGEST_MAX_MINERS = 5000;

const num = z.number().finite().nullable().optional();
const count = z.number().finite().min(0).nullable().optional();

/**
 * One miner in telemetry_envelope.v1: a `MinerReading` (lib/edge/types.ts) in snake_case. A miner is
 * identified on its site by MAC, else by host and port.
 */
export const telemetryRecordSchema = z.object({
  ip: z.string().min(1).max(64),
  port: z.number().int().min(1).max(65535).default(4028),
  collected_at: z.iso.datetime({ offset: true }).optional(),
  online: z.boolean(),
  error: z.string().max(500).nullable().optional(),
  vendor: z.string().max(32).nullable().optional(),
  model: z.string().max(80).nullable().optional(),
  firmware: z.string().max(120).nullable().optional(),
  mac_address: z.string().regex(/^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$/).nullable().optional(),
  hashrate_5s_ths: num,
  hashrate_avg_ths: num,
  hashrate_nominal_ths: num,
  temp_chip_max_c: num,
  temp_board_max_c: num,
  temp_inlet_c: num,
  temp_outlet_c: num,
  fans_rpm: z.array(z.number().finite().min(0)).max(16).default([]),
  power_w: count,
  power_source: z.enum(['reported', 'model']).nullable().optional(),
  accepted: count,
  rejected: count,
  hardware_errors: count,
  uptime_s: count,
  pools: z
    .array(z.object({ url: z.string().max(300), user: z.string().max(200), status: z.string().max(40), accepted: count, rejected: count }))
    .max(8)
    .optional(),
});

export const telemetryEnvelopeSchema = z.object({
  format: z.literal('telemetry_envelope.v1'),
  collected_at: z.iso.datetime({ offset: true }),
  edge_version: z.string().max(40).optional(),
  buffer_depth: z.number().int().min(0).optional(),
  miners: z.array(telemetryRecordSchema).max(INGEST_MAX_MINERS),
});

export type TelemetryRecord = z.infer<typeof telemetryRecordSchema>;
export type TelemetryEnvelope = z.infer<typeof telemetryEnvelopeSchema>;
