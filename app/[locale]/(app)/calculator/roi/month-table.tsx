'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { DataTable } from '@/components/list/data-table';
import { FigureCard } from '@/components/list/figure-card';
import { Field, Select } from '@/components/ui/field';
import { Badge } from '@/components/ui/badge';
import type { RoiMonth, RoiResult } from '@/lib/domain/mining/roi';
import { formatDate, formatUsdFromCents } from '@/lib/format';

/**
 * One scenario month by month: what the miners would earn and draw, whether they run, what the month
 * adds and the running total. A month switched off keeps its figures, struck through, and adds 0.
 */
export function MonthTable({ labels, results, halvingMonth }: { labels: string[]; results: RoiResult[]; halvingMonth: number | null }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  const [pick, setPick] = useState(0);
  const i = pick < results.length ? pick : 0;
  const r = results[i]!;
  const usd = (cents: number) => formatUsdFromCents(cents, locale);
  const struck = (m: RoiMonth) => (m.running ? '' : 'text-muted line-through');
  const fee = r.months.some((m) => m.hostingFeeCents !== 0);
  const state = (m: RoiMonth) => (
    <span className="inline-flex flex-wrap items-center gap-1">
      {m.running ? <Badge tone="ok">{t('stateOn')}</Badge> : <Badge tone="muted">{t('stateOff')}</Badge>}
      {m.month === halvingMonth ? <Badge tone="warn">{t('halvingBadge')}</Badge> : null}
    </span>
  );
  return (
    <div className="flex flex-col gap-3">
      {results.length > 1 ? (
        <div className="max-w-sm">
          <Field id="month-table-scenario" label={t('scenario')}>
            <Select id="month-table-scenario" value={i} onChange={(e) => setPick(Number(e.target.value))}>
              {labels.map((l, j) => (
                <option key={l} value={j}>
                  {l}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      ) : null}
      <DataTable
        label={t('monthlyTitle')}
        rows={r.months}
        rowKey={(m) => String(m.month)}
        rowProps={(m) => ({ 'data-off': m.running ? undefined : 'true' })}
        columns={[
          { key: 'month', header: t('colMonth'), cell: (m) => t('monthN', { n: m.month }) },
          { key: 'starts', header: t('colStarts'), cellClassName: 'whitespace-nowrap', cell: (m) => formatDate(m.startsAt, locale) },
          { key: 'revenue', header: t('revenueUsd'), figure: true, cellClassName: struck, cell: (m) => usd(m.revenueCents) },
          { key: 'power', header: t('powerCost'), figure: true, cellClassName: struck, cell: (m) => usd(m.powerCostCents) },
          fee && { key: 'fee', header: t('hostingFeeCost'), figure: true, cell: (m) => usd(m.hostingFeeCents) },
          { key: 'net', header: t('colAdds'), figure: true, cellClassName: (m) => (m.netCents < 0 ? 'text-bad' : m.running ? 'text-ok' : 'text-muted'), cell: (m) => usd(m.netCents) },
          { key: 'cumulative', header: t('colCumulative'), figure: true, cellClassName: (m) => (m.cumulativeCents < 0 ? 'text-bad' : 'text-ok'), cell: (m) => usd(m.cumulativeCents) },
          { key: 'state', header: t('colMiners'), cell: state },
        ]}
        card={(m) => (
          <FigureCard
            muted={!m.running}
            title={
              <>
                {t('monthN', { n: m.month })} <span className="text-xs font-normal text-muted">{formatDate(m.startsAt, locale)}</span>
              </>
            }
            badge={state(m)}
            figures={[
              { label: t('revenueUsd'), value: usd(m.revenueCents), className: struck(m) },
              { label: t('powerCost'), value: usd(m.powerCostCents), className: struck(m) },
              fee && { label: t('hostingFeeCost'), value: usd(m.hostingFeeCents) },
              { label: t('colAdds'), value: usd(m.netCents), className: m.netCents < 0 ? 'text-bad' : '' },
              { label: t('colCumulative'), value: usd(m.cumulativeCents), className: m.cumulativeCents < 0 ? 'text-bad' : 'text-ok' },
            ]}
          />
        )}
      />
    </div>
  );
}
