import type { Metadata } from 'next';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { linkSummary, listManualLinks, listMinersWithoutWorker, listUnmatchedWorkers } from '@/db/queries/pool-mismatches';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { formatHashrate, thsFromHs } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { parseLinksPage } from '@/lib/validation/pool';
import { LinkDialog } from '../_components/link-dialog';
import { PatternForm } from '../_components/pattern-form';

export const metadata: Metadata = { title: 'Pool links' };

const TABS = ['workers', 'miners', 'manual'] as const;

/**
 * Worker ↔ miner mismatches: pool workers no hosted miner claims, hosted miners no worker points at,
 * and the links made by hand, for staff (module pool:links). Linking needs it FULL; the pattern needs
 * pool settings FULL.
 */
export default async function PoolLinksPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'pool:links');
  const q = parseLinksPage(await searchParams);
  const db = await getDb();
  const canLink = can(actor.role, 'pool:links', 'FULL');
  const canPattern = can(actor.role, 'pool:settings', 'FULL');
  const req = { page: q.page, pageSize: q.pageSize };
  const tab = q.tab;
  const [t, f, summary, workers, minersLeft, manual] = await Promise.all([
    getTranslations('Pool.links'),
    getFormatter(),
    canPattern ? linkSummary(db, actor.orgId).then((rows) => (rows.some((r) => r.workers > 0) ? rows.filter((r) => r.workers > 0) : rows)) : [],
    tab === 'workers' ? listUnmatchedWorkers(db, actor.scope, { accountId: q.account, q: q.q }, req) : null,
    tab === 'miners' ? listMinersWithoutWorker(db, actor.scope, { q: q.q }, req) : null,
    tab === 'manual' ? listManualLinks(db, actor.scope, req) : null,
  ]);
  const query = Object.fromEntries(Object.entries({ tab, q: q.q, account: q.account }).filter(([, v]) => v)) as Record<string, string>;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {summary.length ? (
        <Card title={t('patterns')} className="mb-4">
          <Table label={t('patterns')}>
            <thead>
              <tr>
                <Th>{t('account')}</Th>
                <Th className="text-right">{t('workers')}</Th>
                <Th className="text-right">{t('linkedCount')}</Th>
                <Th className="text-right">{t('manualCount')}</Th>
                <Th>{t('pattern')}</Th>
              </tr>
            </thead>
            <tbody>
              {summary.map((s) => (
                <tr key={s.accountId}>
                  <Td>{s.account}</Td>
                  <Td className="text-right tabular-nums">{s.workers}</Td>
                  <Td className={`text-right tabular-nums ${s.linked < s.workers ? 'text-warn' : ''}`}>{s.linked}</Td>
                  <Td className="text-right tabular-nums">{s.manual}</Td>
                  <Td>
                    <PatternForm accountId={s.accountId} pattern={s.pattern} account={s.account} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="mt-2 text-xs text-muted">{t('patternHint')}</p>
        </Card>
      ) : null}
      <nav className="mb-3 flex flex-wrap gap-1" aria-label={t('tabs')}>
        {TABS.map((k) => (
          <Link key={k} href={{ pathname: '/pool/links', query: { tab: k } }} aria-current={tab === k ? 'page' : undefined} className={`rounded-full border px-3 py-1 text-sm ${tab === k ? 'border-accent text-accent' : 'border-line text-muted'}`}>
            {t(`tab.${k}`)}
          </Link>
        ))}
      </nav>
      {tab !== 'manual' ? (
        <form className="mb-3 flex flex-wrap gap-2" action="" method="get">
          <input type="hidden" name="tab" value={tab} />
          <input name="q" defaultValue={q.q ?? ''} placeholder={t(tab === 'workers' ? 'searchWorker' : 'searchMiner')} aria-label={t(tab === 'workers' ? 'searchWorker' : 'searchMiner')} className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm" />
          {tab === 'workers' && summary.length ? (
            <select name="account" defaultValue={q.account ?? ''} aria-label={t('account')} className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm">
              <option value="">{t('allAccounts')}</option>
              {summary.map((s) => (
                <option key={s.accountId} value={s.accountId}>
                  {s.account}
                </option>
              ))}
            </select>
          ) : null}
          <button type="submit" className="rounded-md border border-line px-3 py-1.5 text-sm hover:bg-surface-2">
            {t('filter')}
          </button>
        </form>
      ) : null}

      {tab === 'workers' && workers ? (
        workers.rows.length === 0 ? (
          <EmptyState title={t('noUnmatched')} hint={t('noUnmatchedHint')} />
        ) : (
          <>
            <Table label={t('tab.workers')}>
              <thead>
                <tr>
                  <Th>{t('worker')}</Th>
                  <Th>{t('account')}</Th>
                  <Th>{t('patternGives')}</Th>
                  <Th className="text-right">1 h</Th>
                  <Th>{t('state')}</Th>
                  {canLink ? <Th /> : null}
                </tr>
              </thead>
              <tbody>
                {workers.rows.map((w) => (
                  <tr key={`${w.accountId}/${w.workerName}`}>
                    <Td className="font-mono text-xs">{w.workerName}</Td>
                    <Td>{w.account}</Td>
                    <Td className="font-mono text-xs">{w.patternName ?? <span className="text-muted">{t('noMatch')}</span>}</Td>
                    <Td className="text-right tabular-nums">{formatHashrate(thsFromHs(w.hs1h), locale)}</Td>
                    <Td>{w.linkSource === 'manual' ? <Badge tone="muted">{t('markedNone')}</Badge> : <Badge tone="warn">{t('unmatched')}</Badge>}</Td>
                    {canLink ? (
                      <Td>
                        <LinkDialog accountId={w.accountId} workerName={w.workerName} minerName={null} source={w.linkSource} />
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination pathname="/pool/links" query={query} page={workers.page} pageCount={workers.pageCount} total={workers.total} />
          </>
        )
      ) : null}

      {tab === 'miners' && minersLeft ? (
        minersLeft.rows.length === 0 ? (
          <EmptyState title={t('noMinersLeft')} hint={t('noMinersLeftHint')} />
        ) : (
          <>
            <Table label={t('tab.miners')}>
              <thead>
                <tr>
                  <Th>{t('miner')}</Th>
                  <Th>{t('recordedWorker')}</Th>
                  <Th>{t('site')}</Th>
                  <Th>{t('state')}</Th>
                </tr>
              </thead>
              <tbody>
                {minersLeft.rows.map((m) => (
                  <tr key={m.id}>
                    <Td>
                      <Link href={`/hosting/devices/${m.id}`} className="text-accent hover:underline">
                        {m.name}
                      </Link>
                    </Td>
                    <Td className="font-mono text-xs">{m.workerName ?? '—'}</Td>
                    <Td>{m.site}</Td>
                    <Td>{m.status}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination pathname="/pool/links" query={query} page={minersLeft.page} pageCount={minersLeft.pageCount} total={minersLeft.total} />
          </>
        )
      ) : null}

      {tab === 'manual' && manual ? (
        manual.rows.length === 0 ? (
          <EmptyState title={t('noManual')} hint={t('noManualHint')} />
        ) : (
          <>
            <Table label={t('tab.manual')}>
              <thead>
                <tr>
                  <Th>{t('worker')}</Th>
                  <Th>{t('account')}</Th>
                  <Th>{t('miner')}</Th>
                  <Th>{t('changed')}</Th>
                  {canLink ? <Th /> : null}
                </tr>
              </thead>
              <tbody>
                {manual.rows.map((l) => (
                  <tr key={`${l.accountId}/${l.workerName}`}>
                    <Td className="font-mono text-xs">{l.workerName}</Td>
                    <Td>{l.account}</Td>
                    <Td>{l.minerName ?? <Badge tone="muted">{t('markedNone')}</Badge>}</Td>
                    <Td className="text-xs">{f.relativeTime(new Date(l.updatedAt))}</Td>
                    {canLink ? (
                      <Td>
                        <LinkDialog accountId={l.accountId} workerName={l.workerName} minerName={l.minerName} source="manual" />
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
            <Pagination pathname="/pool/links" query={query} page={manual.page} pageCount={manual.pageCount} total={manual.total} />
          </>
        )
      ) : null}
    </>
  );
}
