'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { type ExplainValue, explainRoi, type ForecastPaybacks } from '@/lib/domain/mining/explain';
import type { RoiInput, RoiResult } from '@/lib/domain/mining/roi';
import { formatDate, formatNumber, formatPercent, formatUsd, formatUsdFromCents } from '@/lib/format';

/**
 * What drives the current input's payback, in sentences from message templates filled with the
 * figures lib/domain/mining/explain computed from the same projection: no number here is typed in.
 */
export function RoiExplanation({ input, result, forecast }: { input: RoiInput; result: RoiResult; forecast: ForecastPaybacks | null }) {
  const t = useTranslations('Calculator.explain');
  const locale = useLocale();
  const explanation = useMemo(() => explainRoi(input, result, forecast), [input, result, forecast]);
  const show = (v: ExplainValue): string => {
    switch (v.kind) {
      case 'cents':
        return formatUsdFromCents(v.value, locale);
      case 'deltaCents':
        return (v.value > 0 ? '+' : '') + formatUsdFromCents(v.value, locale);
      case 'usd':
        return formatUsd(v.value, locale);
      case 'usdPerKwh':
        return formatUsd(v.value, locale, 4);
      case 'pct':
        return formatPercent(v.value, locale);
      case 'count':
        return formatNumber(v.value, locale);
      case 'month':
        return v.value === null ? t('never') : t('month', { n: v.value });
      case 'date':
        return formatDate(v.value, locale);
    }
  };
  return (
    <div className="flex flex-col gap-3 text-sm text-ink" data-testid="roi-explanation">
      <ul className="flex list-disc flex-col gap-1.5 pl-5">
        {explanation.lines.map((l) => (
          <li key={l.key}>{t(`line.${l.key}`, Object.fromEntries(Object.entries(l.values).map(([k, v]) => [k, show(v)])))}</li>
        ))}
      </ul>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[420px] text-right text-xs tabular-nums" aria-label={t('rankingTitle')}>
          <caption className="pb-1 text-left text-muted">{t('rankingTitle')}</caption>
          <thead>
            <tr className="text-muted">
              <th scope="col" className="p-1.5 text-left">
                {t('driver')}
              </th>
              <th scope="col" className="p-1.5">
                {t('up10')}
              </th>
              <th scope="col" className="p-1.5">
                {t('down10')}
              </th>
              <th scope="col" className="p-1.5">
                {t('paybackUpDown')}
              </th>
            </tr>
          </thead>
          <tbody>
            {explanation.drivers.map((d) => (
              <tr key={d.driver} className="border-t border-line">
                <th scope="row" className="p-1.5 text-left font-normal">
                  {t(`drivers.${d.driver}`)}
                </th>
                <td className={`p-1.5 ${d.upCents < 0 ? 'text-bad' : 'text-ok'}`}>{show({ kind: 'deltaCents', value: d.upCents })}</td>
                <td className={`p-1.5 ${d.downCents < 0 ? 'text-bad' : 'text-ok'}`}>{show({ kind: 'deltaCents', value: d.downCents })}</td>
                <td className="p-1.5">
                  {show({ kind: 'month', value: d.upPayback })} / {show({ kind: 'month', value: d.downPayback })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-muted">{t('method')}</p>
    </div>
  );
}
