import { freshness } from '@/lib/domain/market/freshness';
import { parseSource } from '@/lib/domain/market/source';
import { formatDate, formatDateTime } from '@/lib/format';

/** next-intl's `t` for the Market namespace, from getTranslations (server) or useTranslations (client). */
type MarketT = (key: string, values?: Record<string, string>) => string;

/** A source text (lib/domain/market/source.ts) in the page's language. */
export function sourceLabel(t: MarketT, text: string, locale: string): string {
  const s = parseSource(text);
  return t(`source.${s.kind}`, { provider: s.provider ?? '', day: s.day ? formatDate(s.day, locale) : '' });
}

/**
 * The distinct sources of a snapshot, translated, in a stable order. Values from the bundled history
 * of several days (the offline snapshot: price, difficulty and height end on different days) read
 * as one "bundled history, <first day> to <last day>"; each value keeps its own day in `sources`.
 */
export function sourcesLabel(t: MarketT, sources: Record<string, string>, locale: string): string {
  const texts = Object.values(sources);
  const days = [...new Set(texts.map(parseSource).flatMap((s) => (s.kind === 'bundledHistory' && s.day ? [s.day] : [])))].sort();
  const labels = texts.map((text) => {
    const s = parseSource(text);
    if (s.kind !== 'bundledHistory' || days.length < 2) return sourceLabel(t, text, locale);
    return t('source.bundledHistoryRange', { from: formatDate(days[0]!, locale), to: formatDate(days.at(-1)!, locale) });
  });
  return [...new Set(labels)].join(t('source.separator'));
}

/**
 * "Current · 6 Dec 2026, 12:03 UTC" while under 15 minutes old, else "As of 30 Dec 2024, 23:27 UTC ·
 * <sources>". The one wording for market figures on every page (lib/domain/market/freshness.ts).
 */
export function asOfText(t: MarketT, p: { asOf: string; sources: Record<string, string> | string; locale: string; now: Date }): { current: boolean; text: string } {
  const f = freshness(p.asOf, p.now);
  // A day (YYYY-MM-DD) is as of that day; an instant gets its time.
  const when = p.asOf.length === 10 ? formatDate(p.asOf, p.locale) : formatDateTime(p.asOf, p.locale, 'UTC', { zone: true });
  if (f.current) return { current: true, text: t('asOf.current', { when }) };
  const source = typeof p.sources === 'string' ? sourceLabel(t, p.sources, p.locale) : sourcesLabel(t, p.sources, p.locale);
  return { current: false, text: t('asOf.old', { when, source }) };
}
