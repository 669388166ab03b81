import { getFormatter, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSearch, FilterSelect } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { StatusTabs } from '@/components/list/status-tabs';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { linkSummary, listManualLinks, listMinersWithoutWorker, listUnmatchedWorkers } from '@/db/queries/pool/mismatches';
import { can } from '@/lib/auth/permissions';
import { formatHashrate, thsFromHs } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { poolLinksPageSchema } from '@/lib/validation/pool';
import { LinkDialog } from '../_components/link-dialog';
import { PatternForm } from '../_components/pattern-form';

export const generateMetadata = pageTitle('poolLinks');

const pathname = '/pool/links';
const TABS = ['workers', 'miners', 'manual'] as const;

/**
 * Worker ↔ miner mismatches: pool workers no hosted miner claims, hosted miners no worker points at,
 * and the links made by hand, for staff (module pool:links). Linking needs it FULL; the pattern needs
 * pool settings FULL.
 */
export default async function PoolLinksPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'pool:links', poolLinksPageSchema);
  const db = await getDb();
  const canLink = can(actor.role, 'pool:links', 'FULL');
  const canPattern = can(actor.role, 'pool:settings', 'FULL');
  const tab = q.tab;
  const [t, f, summary, workers, minersLeft, manual] = await Promise.all([
    getTranslations('Pool.links'),
    getFormatter(),
    canPattern ? linkSummary(db, actor.orgId).then((rows) => (rows.some((r) => r.workers > 0) ? rows.filter((r) => r.workers > 0) : rows)) : [],
    tab === 'workers' ? listUnmatchedWorkers(db, actor.scope, { accountId: q.account, q: q.q }, q) : null,
    tab === 'miners' ? listMinersWithoutWorker(db, actor.scope, { q: q.q }, q) : null,
    tab === 'manual' ? listManualLinks(db, actor.scope, q) : null,
  ]);
  const frame = { pathname, query, keep: ['tab'] };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {summary.length ? (
        <Card title={t('patterns')} className="mb-4">
          <DataTable
            label={t('patterns')}
            rows={summary}
            rowKey={(s) => s.accountId}
            columns={[
              { key: 'account', header: t('account'), cell: (s) => s.account },
              { key: 'workers', header: t('workers'), figure: true, cell: (s) => s.workers },
              { key: 'linked', header: t('linkedCount'), figure: true, cellClassName: (s) => `${s.linked < s.workers ? 'text-warn' : ''}`, cell: (s) => s.linked },
              { key: 'manual', header: t('manualCount'), figure: true, cell: (s) => s.manual },
              { key: 'pattern', header: t('pattern'), cell: (s) => <PatternForm accountId={s.accountId} pattern={s.pattern} account={s.account} /> },
            ]}
          />
          <p className="mt-2 text-xs text-muted">{t('patternHint')}</p>
        </Card>
      ) : null}
      <StatusTabs pathname={pathname} query={query} param="tab" value={tab} tabs={TABS.map((k) => ({ value: k, label: t(`tab.${k}`) }))} label={t('tabs')} reset />
      {tab !== 'manual' ? (
        <FilterBar label={t('tabs')} query={query} keep={['tab']}>
          <FilterSearch label={t(tab === 'workers' ? 'searchWorker' : 'searchMiner')} value={q.q} placeholder={t(tab === 'workers' ? 'searchWorker' : 'searchMiner')} />
          {tab === 'workers' && summary.length ? <FilterSelect name="account" label={t('account')} value={q.account} all={t('allAccounts')} options={summary.map((s) => ({ id: s.accountId, name: s.account }))} /> : null}
        </FilterBar>
      ) : null}
      {workers ? (
        <ListTable
          {...frame}
          page={workers}
          empty={{ title: t('noUnmatched'), hint: t('noUnmatchedHint') }}
          label={t('tab.workers')}
          rowKey={(w) => `${w.accountId}/${w.workerName}`}
          columns={[
            { key: 'worker', header: t('worker'), cellClassName: 'font-mono text-xs', cell: (w) => w.workerName },
            { key: 'account', header: t('account'), cell: (w) => w.account },
            { key: 'pattern', header: t('patternGives'), cellClassName: 'font-mono text-xs', cell: (w) => w.patternName ?? <span className="text-muted">{t('noMatch')}</span> },
            { key: 'hs1h', header: '1 h', figure: true, cell: (w) => formatHashrate(thsFromHs(w.hs1h), locale) },
            { key: 'state', header: t('state'), cell: (w) => (w.linkSource === 'manual' ? <Badge tone="muted">{t('markedNone')}</Badge> : <Badge tone="warn">{t('unmatched')}</Badge>) },
            canLink && { key: 'link', cell: (w) => <LinkDialog accountId={w.accountId} workerName={w.workerName} minerName={null} source={w.linkSource} /> },
          ]}
        />
      ) : null}
      {minersLeft ? (
        <ListTable
          {...frame}
          page={minersLeft}
          empty={{ title: t('noMinersLeft'), hint: t('noMinersLeftHint') }}
          label={t('tab.miners')}
          rowKey={(m) => m.id}
          columns={[
            {
              key: 'miner',
              header: t('miner'),
              cell: (m) => (
                <Link href={`/hosting/devices/${m.id}`} className="text-accent hover:underline">
                  {m.name}
                </Link>
              ),
            },
            { key: 'worker', header: t('recordedWorker'), cellClassName: 'font-mono text-xs', cell: (m) => m.workerName ?? '—' },
            { key: 'site', header: t('site'), cell: (m) => m.site },
            { key: 'state', header: t('state'), cell: (m) => m.status },
          ]}
        />
      ) : null}
      {manual ? (
        <ListTable
          {...frame}
          page={manual}
          empty={{ title: t('noManual'), hint: t('noManualHint') }}
          label={t('tab.manual')}
          rowKey={(l) => `${l.accountId}/${l.workerName}`}
          columns={[
            { key: 'worker', header: t('worker'), cellClassName: 'font-mono text-xs', cell: (l) => l.workerName },
            { key: 'account', header: t('account'), cell: (l) => l.account },
            { key: 'miner', header: t('miner'), cell: (l) => l.minerName ?? <Badge tone="muted">{t('markedNone')}</Badge> },
            { key: 'changed', header: t('changed'), cellClassName: 'text-xs', cell: (l) => f.relativeTime(new Date(l.updatedAt)) },
            canLink && { key: 'link', cell: (l) => <LinkDialog accountId={l.accountId} workerName={l.workerName} minerName={l.minerName} source="manual" /> },
          ]}
        />
      ) : null}
    </>
  );
}
