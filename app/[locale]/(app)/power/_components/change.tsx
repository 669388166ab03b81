import { formatPercent } from '@/lib/format';

/** A percent change, signed, coloured up/down; '—' when there is nothing to compare with. */
export function ChangePct({ pct, locale }: { pct: number | null; locale: string }) {
  if (pct === null) return <span className="text-muted">—</span>;
  return <span className={pct > 0 ? 'text-warn' : pct < 0 ? 'text-ok' : ''}>{formatPercent(pct, locale, { digits: 1, signed: true })}</span>;
}
