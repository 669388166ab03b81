import { readFileSync } from 'node:fs';
import { z } from 'zod';

const target = z.object({ host: z.string().min(1), port: z.number().int().min(1).max(65535).default(4028) });

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
  bufferMaxEnvelopes: z.number().int().min(1).max(1_000_000).default(20_000),
  /** The credential key ring, site binding and counters (secret: keep it on the collector's disk only). */
  keysDir: z.string().min(1).default('.collector-keys'),
  credentialPollIntervalS: z.number().int().min(10).max(86_400).default(300),
  miners: z.array(target).min(1).max(100_000),
});

export type CollectorConfig = z.infer<typeof collectorConfigSchema>;

export function loadCollectorConfig(file: string): CollectorConfig {
  return collectorConfigSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
