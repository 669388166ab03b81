import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
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
          <Table label={t('compareTitle')}>
            <thead>
              <tr>
                <Th>{t('account')}</Th>
                <Th className="text-right">{t('linkedOf')}</Th>
                <Th className="text-right">{t('poolReported')}</Th>
                <Th className="text-right">{t('minerReported')}</Th>
                <Th className="text-right">{t('deviation')}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const dev = deviationPct(r.poolThs, r.minerThs);
                return (
                  <tr key={r.accountId}>
                    <Td>{r.account}</Td>
                    <Td className={`whitespace-nowrap text-right tabular-nums ${r.linked < r.workers ? 'text-warn' : ''}`}>
                      {formatNumber(r.linked, locale)} / {formatNumber(r.workers, locale)}
                    </Td>
                    <Td className="whitespace-nowrap text-right tabular-nums">{formatHashrate(r.poolThs, locale)}</Td>
                    <Td className="whitespace-nowrap text-right tabular-nums">{formatHashrate(r.minerThs, locale)}</Td>
                    <Td className={`whitespace-nowrap text-right tabular-nums ${isDeviant(dev) ? 'font-semibold text-bad' : ''}`}>{formatPercent(dev, locale, { signed: true })}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <p className="mt-2 text-xs text-muted">{t('compareHint', { pct: formatPercent(DEVIATION_WARN_PCT, locale, { digits: 0 }) })}</p>
        </>
      )}
    </Card>
  );
}
