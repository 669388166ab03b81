import { annualisedFundingPct, type Funding, INTEL_SOURCES, type IntelSource, type IvPoint, type OpenInterest } from './intel';

/*
 * What the market page shows of the stored figures: per exchange, the last good value with the
 * exchange's time and our fetch time, flagged stale past STALE_AFTER_MS (four missed 15-minute
 * refreshes), the last failed attempt when it is newer than the value, or "not fetched yet".
 */

export const STALE_AFTER_MS = 60 * 60_000;

export type StoredIntelRow = { source: string; metric: string; payload: unknown; observedAt: Date | null; fetchedAt: Date | null; attemptedAt: Date; lastError: string | null };

type Meta = { source: IntelSource; observedAt: string; fetchedAt: string; stale: boolean; failedAt: string | null };
export type FundingCell = Meta & Funding & { annualisedPct: number };
export type OiCell = Meta & OpenInterest;
export type IvCell = Meta & { points: IvPoint[] };
/** Nothing stored yet for this exchange and metric; `failedAt` when an attempt failed. */
export type Missing = { missing: true; source: IntelSource; failedAt: string | null };

export type IntelView = {
  funding: Array<FundingCell | Missing>;
  openInterest: Array<OiCell | Missing>;
  iv: IvCell | Missing;
};

export const isMissing = <T extends object>(c: T | Missing): c is Missing => 'missing' in c;

function meta(row: StoredIntelRow, source: IntelSource, now: Date): Meta | null {
  if (row.payload == null || !row.observedAt || !row.fetchedAt) return null;
  const failedAt = row.lastError && row.attemptedAt > row.fetchedAt ? row.attemptedAt.toISOString() : null;
  return { source, observedAt: row.observedAt.toISOString(), fetchedAt: row.fetchedAt.toISOString(), stale: now.getTime() - row.fetchedAt.getTime() > STALE_AFTER_MS, failedAt };
}

export function intelView(rows: StoredIntelRow[], now: Date): IntelView {
  const find = (source: IntelSource, metric: string) => rows.find((r) => r.source === source && r.metric === metric);
  const missing = (r: StoredIntelRow | undefined, source: IntelSource): Missing => ({ missing: true, source, failedAt: r?.lastError ? r.attemptedAt.toISOString() : null });
  const funding = INTEL_SOURCES.map((source) => {
    const r = find(source, 'funding');
    const m = r && meta(r, source, now);
    if (!r || !m) return missing(r, source);
    const f = r.payload as Funding;
    return { ...f, ...m, annualisedPct: annualisedFundingPct(f.rate, f.intervalHours) };
  });
  const openInterest = INTEL_SOURCES.map((source) => {
    const r = find(source, 'open_interest');
    const m = r && meta(r, source, now);
    return !r || !m ? missing(r, source) : { ...(r.payload as OpenInterest), ...m };
  });
  const ivRow = find('deribit', 'iv_term');
  const ivMeta = ivRow && meta(ivRow, 'deribit', now);
  const iv = !ivRow || !ivMeta ? missing(ivRow, 'deribit') : { points: (ivRow.payload as { points: IvPoint[] }).points, ...ivMeta };
  return { funding, openInterest, iv };
}
