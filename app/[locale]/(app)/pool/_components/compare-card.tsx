import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { FigureCard } from '@/components/list/figure-card';
import { Card } from '@/components/ui/card';
import { DEVIATION_WARN_PCT, deviationPct, isDeviant } from '@/lib/domain/pool/deviation';
import { formatHashrate, formatNumber, formatPercent } from '@/lib/format';

type Row = { accountId: string; account: string; workers: number; linked: number; compared: number; poolThs: number | null; minerThs: number | null };

/** Per account: how many workers are linked, and pool vs miner hashrate over those both reported. */
export async function CompareCard({ rows }: { rows: Row[] }) {
  const [t, locale] = await Promise.all([getTranslations('Pool'), getLocale()]);
  return (
    <Card title={t('compareTitle')}>
      {rows.length === 0 ? (
        <p className="text-sm text-muted">{t('noData')}</p>
      ) : (
        <>
          <DataTable
            label={t('compareTitle')}
            rows={rows}
            rowKey={(r) => r.accountId}
            columns={[
              { key: 'account', header: t('account'), cell: (r) => r.account },
              { key: 'linked', header: t('linkedOf'), figure: true, cellClassName: (r) => `${r.linked < r.workers ? 'text-warn' : ''}`, cell: (r) => `${formatNumber(r.linked, locale)} / ${formatNumber(r.workers, locale)}` },
              { key: 'pool', header: t('poolReported'), figure: true, cell: (r) => formatHashrate(r.poolThs, locale) },
              { key: 'miner', header: t('minerReported'), figure: true, cell: (r) => formatHashrate(r.minerThs, locale) },
              { key: 'deviation', header: t('deviation'), figure: true, cellClassName: (r) => `${isDeviant(deviationPct(r.poolThs, r.minerThs)) ? 'font-semibold text-bad' : ''}`, cell: (r) => formatPercent(deviationPct(r.poolThs, r.minerThs), locale, { signed: true }) },
            ]}
            card={(r) => (
              <FigureCard
                title={r.account}
                figures={[
                  { label: t('linkedOf'), value: `${formatNumber(r.linked, locale)} / ${formatNumber(r.workers, locale)}`, className: r.linked < r.workers ? 'text-warn' : '' },
                  { label: t('poolReported'), value: formatHashrate(r.poolThs, locale) },
                  { label: t('minerReported'), value: formatHashrate(r.minerThs, locale) },
                  { label: t('deviation'), value: formatPercent(deviationPct(r.poolThs, r.minerThs), locale, { signed: true }), className: isDeviant(deviationPct(r.poolThs, r.minerThs)) ? 'font-semibold text-bad' : '' },
                ]}
              />
            )}
          />
          <p className="mt-2 text-xs text-muted">{t('compareHint', { pct: formatPercent(DEVIATION_WARN_PCT, locale, { digits: 0 }) })}</p>
        </>
      )}
    </Card>
  );
}
