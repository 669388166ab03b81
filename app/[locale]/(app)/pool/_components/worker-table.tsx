import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { deviationPct, isDeviant } from '@/lib/domain/pool/deviation';
import { formatHashrate, formatPercent, thsFromHs } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { LinkDialog } from './link-dialog';

type Row = { account: string; accountId: string; workerName: string; hs10m: string; hs1h: string; hs1d: string; status: string; minerName: string | null; linkSource: string | null; minerThs: number | null };
type Sort = 'name' | 'hs10m' | 'hs1h' | 'hs1d' | 'deviation';

/**
 * Pool-reported hashrate per worker, the linked hosted miner and what that miner reported itself over
 * the last hour, with the deviation highlighted past the threshold. Column headers sort on the server.
 */
export async function WorkerTable({ rows, query, sort, dir, canLink }: { rows: Row[]; query: Record<string, string>; sort: Sort; dir: 'asc' | 'desc'; canLink: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('Pool'), getLocale()]);
  const head = (key: Sort, label: string, right = true) => {
    const active = sort === key;
    const next = active && dir === 'asc' ? 'desc' : key === 'name' ? 'asc' : active ? 'asc' : 'desc';
    return (
      <Th className={right ? 'text-right' : ''} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <Link href={{ pathname: '/pool', query: { ...query, sort: key, dir: next } }} className="hover:text-ink">
          {label}
          {active ? (dir === 'asc' ? ' ↑' : ' ↓') : ''}
        </Link>
      </Th>
    );
  };
  return (
    <Table label={t('workers')}>
      <thead>
        <tr>
          {head('name', t('worker'), false)}
          <Th>{t('account')}</Th>
          <Th>{t('status')}</Th>
          {head('hs10m', '10 min')}
          {head('hs1h', '1 h')}
          {head('hs1d', '24 h')}
          <Th>{t('miner')}</Th>
          <Th className="text-right">{t('minerReported')}</Th>
          {head('deviation', t('deviation'))}
          {canLink ? <Th /> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const dev = deviationPct(Number(r.hs1h) / 1e12, r.minerThs);
          return (
            <tr key={`${r.accountId}/${r.workerName}`}>
              <Td className="font-mono text-xs">{r.workerName}</Td>
              <Td>{r.account}</Td>
              <Td>
                <Badge tone={r.status === 'online' ? 'ok' : 'bad'}>{t(`workerStatus.${r.status}`)}</Badge>
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums">{formatHashrate(thsFromHs(r.hs10m), locale)}</Td>
              <Td className={`whitespace-nowrap text-right tabular-nums ${Number(r.hs1h) < 0.5 * Number(r.hs1d) && r.status === 'online' ? 'text-warn' : ''}`}>{formatHashrate(thsFromHs(r.hs1h), locale)}</Td>
              <Td className="whitespace-nowrap text-right tabular-nums">{formatHashrate(thsFromHs(r.hs1d), locale)}</Td>
              <Td>
                {r.minerName ?? <Badge tone="warn">{t('unlinked')}</Badge>}
                {r.linkSource === 'manual' && r.minerName ? <span className="ml-1 text-xs text-muted">({t('links.source.manual')})</span> : null}
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums">{formatHashrate(r.minerThs, locale)}</Td>
              <Td className={`whitespace-nowrap text-right tabular-nums ${isDeviant(dev) ? 'font-semibold text-bad' : ''}`}>{formatPercent(dev, locale, { signed: true })}</Td>
              {canLink ? (
                <Td>
                  <LinkDialog accountId={r.accountId} workerName={r.workerName} minerName={r.minerName} source={r.linkSource} />
                </Td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
