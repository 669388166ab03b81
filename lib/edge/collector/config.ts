import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { RECORD_LIMITS } from '@/lib/validation/edge';
import { COLLECTOR_BOUNDS } from '@/lib/validation/edge-bounds';

// A host longer than the envelope's ip field would make every reading of that miner invalid: refused at start instead.
const target = z.object({
  host: z.string().min(1).max(RECORD_LIMITS.text.ip),
  port: z.number().int().min(1).max(65535).default(4028),
  /** The miner's web/API port for writes when not its vendor's default (Antminer/VNish 80, Braiins gRPC 50051). */
  httpPort: z.number().int().min(1).max(65535).optional(),
});

/** collector.json — see the README section "Edge collector". */
export const collectorConfigSchema = z.object({
  /** Base URL of the HashInsight app, e.g. https://hashinsight.example.com */
  cloudUrl: z.url(),
  /** Device token issued in Hosting → Edge (shown once). */
  token: z.string().startsWith('hie_'),
  pollIntervalS: z.number().int().min(5).max(3600).default(60),
  commandPollIntervalS: z.number().int().min(2).max(600).default(10),
  concurrency: z.number().int().min(1).max(2000).default(100),
  minerTimeoutMs: z.number().int().min(100).max(30_000).default(3000),
  uploadTimeoutMs: z.number().int().min(1000).max(120_000).default(30_000),
  /** Readings per upload; the ingest API takes at most 5,000. */
  batchSize: z.number().int().min(1).max(5000).default(5000),
  bufferDir: z.string().min(1).default('.collector-buffer'),
  /** Envelopes kept on disk while the cloud is unreachable; beyond this the oldest are dropped (and logged). */
  bufferMaxEnvelopes: z.number().int().min(1).max(COLLECTOR_BOUNDS.bufferDepth.max).default(20_000),
  /** Envelopes the cloud refused with a 4xx (default `<bufferDir>/dead-letter`), kept for an operator instead of retried. */
  deadLetterDir: z.string().min(1).optional(),
  /** The dead-letter store's bounds; past either the oldest are dropped (and logged). */
  deadLetterMaxEnvelopes: z.number().int().min(1).max(COLLECTOR_BOUNDS.deadLetters.max).default(1000),
  deadLetterMaxBytes: z.number().int().min(1024).max(COLLECTOR_BOUNDS.deadLetterBytes.max).default(100 * 1024 * 1024),
  /** The credential key ring, site binding and counters (secret: keep it on the collector's disk only). */
  keysDir: z.string().min(1).default('.collector-keys'),
  credentialPollIntervalS: z.number().int().min(10).max(86_400).default(300),
  /**
   * Let commands use a vendor's factory login (root/root, admin/admin…) for a miner with no stored
   * credential. Off by default: a farm that changed its passwords should not have the old ones tried.
   */
  useVendorDefaultCredentials: z.boolean().default(false),
  miners: z.array(target).min(1).max(100_000),
});

export type CollectorConfig = z.infer<typeof collectorConfigSchema>;

export function loadCollectorConfig(file: string): CollectorConfig {
  return collectorConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
