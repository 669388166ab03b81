'use client';

import { useLocale, useTranslations } from 'next-intl';
import { MultiLine } from '@/components/charts/multi-line';
import { DataTable } from '@/components/list/data-table';
import { FigureCard } from '@/components/list/figure-card';
import { Card } from '@/components/ui/card';
import { type FundingCell, type IntelView, isMissing, type IvCell, type Missing, type OiCell } from '@/lib/domain/market/intel-view';
import { formatBtc, formatDate, formatDateTime, formatNumber, formatPercent, formatUsd, MISSING } from '@/lib/format';

/** Funding, open interest and the Deribit IV term structure as stored, each with its exchange time, fetch time and state. */
export function IntelPanels({ view }: { view: IntelView }) {
  const t = useTranslations('MarketIntel');
  const locale = useLocale();
  const when = (iso: string | null) => formatDateTime(iso, locale, 'UTC', { zone: true });
  const status = (c: FundingCell | OiCell | IvCell | Missing) =>
    isMissing(c) ? (c.failedAt ? t('failedNoValue', { at: when(c.failedAt) }) : t('notFetched')) : c.failedAt ? t('failedSince', { at: when(c.failedAt) }) : c.stale ? t('stale') : t('fresh');
  const exchange = (s: string) => t(`source.${s}`);
  const fundingRows = view.funding;
  const oiRows = view.openInterest;
  const iv = view.iv;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <Card title={t('fundingTitle')}>
        <div data-testid="intel-funding">
          <DataTable
            label={t('fundingTitle')}
            rows={fundingRows}
            rowKey={(r) => r.source}
            columns={[
              { key: 'source', header: t('exchange'), cell: (r) => (isMissing(r) ? exchange(r.source) : `${exchange(r.source)} · ${r.instrument}`) },
              { key: 'rate', header: t('ratePerPeriod'), figure: true, cell: (r) => (isMissing(r) ? MISSING : t('perHours', { rate: formatPercent(r.rate * 100, locale, { digits: 4 }), hours: formatNumber(r.intervalHours, locale) })) },
              { key: 'annual', header: t('annualised'), figure: true, cell: (r) => (isMissing(r) ? MISSING : formatPercent(r.annualisedPct, locale, { digits: 2 })) },
              { key: 'observed', header: t('observedAt'), cell: (r) => (isMissing(r) ? MISSING : when(r.observedAt)) },
              { key: 'status', header: t('status'), cell: status },
            ]}
            card={(r) => (
              <FigureCard
                title={exchange(r.source)}
                figures={[
                  { label: t('ratePerPeriod'), value: isMissing(r) ? MISSING : formatPercent(r.rate * 100, locale, { digits: 4 }) },
                  { label: t('annualised'), value: isMissing(r) ? MISSING : formatPercent(r.annualisedPct, locale, { digits: 2 }) },
                  { label: t('status'), value: status(r) },
                ]}
              />
            )}
          />
        </div>
      </Card>
      <Card title={t('oiTitle')}>
        <div data-testid="intel-oi">
          <DataTable
            label={t('oiTitle')}
            rows={oiRows}
            rowKey={(r) => r.source}
            columns={[
              { key: 'source', header: t('exchange'), cell: (r) => (isMissing(r) ? exchange(r.source) : `${exchange(r.source)} · ${r.instrument}`) },
              { key: 'btc', header: t('oiBtc'), figure: true, cell: (r) => (isMissing(r) || r.btc === null ? MISSING : formatBtc(r.btc, locale)) },
              { key: 'usd', header: t('oiUsd'), figure: true, cell: (r) => (isMissing(r) || r.usd === null ? MISSING : formatUsd(r.usd, locale, 0)) },
              { key: 'observed', header: t('observedAt'), cell: (r) => (isMissing(r) ? MISSING : when(r.observedAt)) },
              { key: 'status', header: t('status'), cell: status },
            ]}
            card={(r) => (
              <FigureCard
                title={exchange(r.source)}
                figures={[
                  { label: t('oiUsd'), value: isMissing(r) || r.usd === null ? MISSING : formatUsd(r.usd, locale, 0) },
                  { label: t('status'), value: status(r) },
                ]}
              />
            )}
          />
        </div>
      </Card>
      <Card title={t('ivTitle')} className="xl:col-span-2">
        <div data-testid="intel-iv">
          {isMissing(iv) ? (
            <p className="py-6 text-center text-sm text-muted">{status(iv)}</p>
          ) : (
            <>
              <p className="mb-2 text-xs text-muted">{t('ivSource', { observed: when(iv.observedAt), fetched: when(iv.fetchedAt), status: status(iv) })}</p>
              <MultiLine data={iv.points.map((p) => ({ expiry: formatDate(p.expiry, locale), iv: p.atmIvPct }))} xKey="expiry" series={[{ key: 'iv', label: t('atmIv') }]} emptyLabel={t('notFetched')} unit="count" />
              <DataTable
                label={t('ivTitle')}
                rows={iv.points}
                rowKey={(p) => p.expiry}
                columns={[
                  { key: 'expiry', header: t('expiry'), cell: (p) => formatDate(p.expiry, locale) },
                  { key: 'days', header: t('days'), figure: true, cell: (p) => formatNumber(p.days, locale, { digits: 1 }) },
                  { key: 'strike', header: t('strike'), figure: true, cell: (p) => formatUsd(p.strike, locale, 0) },
                  { key: 'forward', header: t('forward'), figure: true, cell: (p) => formatUsd(p.underlyingUsd, locale, 0) },
                  { key: 'iv', header: t('atmIv'), figure: true, cell: (p) => formatPercent(p.atmIvPct, locale) },
                ]}
              />
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
