'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { SensitivityCell } from '@/lib/domain/mining/roi';
import { formatPercent, formatUsdFromCents } from '@/lib/format';

/** Cumulative result at the horizon for price × difficulty shifts; green for gain, red for loss, deeper with size. */
export function SensitivityTable({ grid }: { grid: SensitivityCell[][] }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  const max = Math.max(1, ...grid.flat().map((c) => Math.abs(c.cumulativeCents)));
  const tint = (v: number) => {
    const a = Math.round((0.12 + 0.5 * Math.min(1, Math.abs(v) / max)) * 100) / 100;
    return v >= 0 ? `rgba(76, 175, 80, ${a})` : `rgba(239, 83, 80, ${a})`;
  };
  const signed = (p: number) => formatPercent(p, locale, { digits: 0, signed: true });
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[520px] text-right text-xs tabular-nums" aria-label={t('sensitivityTitle')} data-testid="sensitivity">
        <thead>
          <tr>
            <th scope="col" className="p-2 text-left text-muted">
              {t('difficultyVsPrice')}
            </th>
            {grid[0]!.map((c) => (
              <th key={c.pricePct} scope="col" className="p-2 text-muted">
                {signed(c.pricePct)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.map((row) => (
            <tr key={row[0]!.difficultyPct}>
              <th scope="row" className="p-2 text-left text-muted">
                {signed(row[0]!.difficultyPct)}
              </th>
              {row.map((c) => (
                <td key={c.pricePct} className="border border-line p-2" style={{ background: tint(c.cumulativeCents) }}>
                  {formatUsdFromCents(c.cumulativeCents, locale, 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-muted">{t('sensitivityHint')}</p>
    </div>
  );
}
