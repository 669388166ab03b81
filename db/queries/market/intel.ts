import type { Db } from '../../client';
import { marketIntel } from '../../schema';

/*
 * The newest derivatives figures per exchange and metric. Not tenant data, so no scope. A success
 * replaces the payload and clears the error; a failure only stamps the attempt and its error, so
 * the last good figures stay with their own times.
 */

export const INTEL_METRICS = ['funding', 'open_interest', 'iv_term'] as const;
export type IntelMetric = (typeof INTEL_METRICS)[number];

export type StoredIntel = { source: string; metric: IntelMetric; payload: unknown; observedAt: Date | null; fetchedAt: Date | null; attemptedAt: Date; lastError: string | null };

export async function recordIntelSuccess(db: Db, p: { source: string; metric: IntelMetric; payload: unknown; observedAt: Date; fetchedAt: Date }): Promise<void> {
  const row = { source: p.source, metric: p.metric, payload: p.payload, observedAt: p.observedAt, fetchedAt: p.fetchedAt, attemptedAt: p.fetchedAt, lastError: null };
  await db
    .insert(marketIntel)
    .values(row)
    .onConflictDoUpdate({ target: [marketIntel.source, marketIntel.metric], set: { payload: row.payload, observedAt: row.observedAt, fetchedAt: row.fetchedAt, attemptedAt: row.attemptedAt, lastError: null } });
}

export async function recordIntelFailure(db: Db, p: { source: string; metric: IntelMetric; error: string; attemptedAt: Date }): Promise<void> {
  // Bounded: an upstream error message is not ours to store whole.
  const lastError = p.error.slice(0, 300);
  await db
    .insert(marketIntel)
    .values({ source: p.source, metric: p.metric, attemptedAt: p.attemptedAt, lastError })
    .onConflictDoUpdate({ target: [marketIntel.source, marketIntel.metric], set: { attemptedAt: p.attemptedAt, lastError } });
}

export async function listIntel(db: Db): Promise<StoredIntel[]> {
  const rows = await db.select().from(marketIntel).orderBy(marketIntel.metric, marketIntel.source);
  return rows.map((r) => ({ ...r, metric: r.metric as IntelMetric, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }));
}

