import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { FigureCard } from '@/components/list/figure-card';
import { Card, StatCard } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { customerDailyEarnings } from '@/db/queries/pool/views';
import type { Scope } from '@/lib/core/scope';
import { formatBtcFromSats, formatNumber } from '@/lib/format';
import { TimeBars } from './bar-chart';

/** The scope's customers' pool earnings per day over the last 60 days (through worker ↔ miner links). */
export async function CustomerEarnings({ scope, now }: { scope: Scope; now: number }) {
  const [t, locale] = await Promise.all([getTranslations('Pool'), getLocale()]);
  const range = { from: new Date(now - 60 * 86_400_000).toISOString().slice(0, 10), to: new Date(now).toISOString().slice(0, 10) };
  const rows = await customerDailyEarnings(await getDb(), scope, range);
  const byDay = new Map<string, { sats: number; workers: number }>();
  for (const r of rows) {
    const d = byDay.get(r.day) ?? { sats: 0, workers: 0 };
    byDay.set(r.day, { sats: d.sats + r.earnedSats, workers: d.workers + r.workers });
  }
  const days = [...byDay.entries()].map(([day, v]) => ({ day, ...v }));
  const total = days.reduce((s, d) => s + d.sats, 0);
  if (!days.length) return <EmptyState title={t('noPayments')} hint={t('paymentsPage.customerEmptyHint')} />;
  return (
    <>
      <div className="mb-4 grid grid-cols-2 gap-3">
        <StatCard label={t('paymentsPage.total60d')} value={formatBtcFromSats(total, locale, { unit: false })} hint="BTC" />
        <StatCard label={t('paymentsPage.days')} value={days.length} />
      </div>
      <Card title={t('paymentsPage.perDay')} className="mb-4">
        <TimeBars points={days.map((d) => ({ x: d.day.slice(5), y: d.sats / 1e8 }))} name="BTC" unit="btc" emptyLabel={t('noData')} />
      </Card>
      <DataTable
        label={t('earnings')}
        rows={[...days].reverse()}
        rowKey={(d) => d.day}
        columns={[
          { key: 'date', header: t('date'), cell: (d) => d.day },
          { key: 'btc', header: 'BTC', figure: true, cell: (d) => formatBtcFromSats(d.sats, locale, { unit: false }) },
          { key: 'workers', header: t('workers'), figure: true, cell: (d) => formatNumber(d.workers, locale) },
        ]}
        card={(d) => (
          <FigureCard
            title={d.day}
            figures={[
              { label: 'BTC', value: formatBtcFromSats(d.sats, locale, { unit: false }) },
              { label: t('workers'), value: formatNumber(d.workers, locale) },
            ]}
          />
        )}
      />
    </>
  );
}
