import { getFormatter, getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSearch, FilterSelect } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { alertSummary, listAlerts } from '@/db/queries/pool/alerts';
import { AcknowledgePoolAlert } from '@/components/alerts/acknowledge-pool-alert';
import { AlertFixes } from '@/components/alerts/alert-fixes';
import { NewTicketDialog } from '@/components/hosting/new-ticket-dialog';
import { minerMeasures } from '@/db/queries/telemetry/operational-state';
import { can } from '@/lib/auth/permissions';
import { fixesFor } from '@/lib/domain/alerts/fixes';
import { POOL_SEVERITY } from '@/lib/domain/alerts/severity';
import { commandSupport } from '@/lib/domain/edge/command-support';
import { thresholdOf } from '@/lib/domain/pool/low-hashrate';
import { formatDuration, formatHashrate, formatPercent, thsFromHs } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { POOL_ALERT_KINDS, poolAlertsPageSchema } from '@/lib/validation/pool';

export const generateMetadata = pageTitle('poolAlerts');

/**
 * Pool alerts with their state and how long they lasted; a scoped role sees its linked workers' only.
 * An open alert links to its worker and linked miner and offers acknowledge, a prefilled ticket and
 * the commands that fit; a low-hashrate alert states its threshold.
 */
export default async function PoolAlertsPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'pool:data', poolAlertsPageSchema);
  const db = await getDb();
  const [t, ta, f, page, summary] = await Promise.all([
    getTranslations('Pool'),
    getTranslations('AlertActions'),
    getFormatter(),
    listAlerts(db, actor.scope, { state: q.state, kind: q.kind, q: q.q }, q),
    alertSummary(db, actor.scope, new Date()),
  ]);
  const when = (d: Date) => f.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const measures = new Map((await minerMeasures(db, actor.scope, new Date(), [...new Set(page.rows.flatMap((a) => (a.minerId ? [a.minerId] : [])))])).map((m) => [m.minerId, m]));
  const canAck = can(actor.role, 'hosting:alerts', 'FULL');
  const canTicket = can(actor.role, 'hosting:ticket', 'FULL');
  const canCommand = can(actor.role, 'remote:execute', 'FULL');
  type Row = (typeof page.rows)[number];
  // A low-hashrate alert states the threshold it was raised under (and the two rates it compared).
  const detail = (a: Row) => {
    if (a.kind !== 'low_hashrate') return null;
    const threshold = formatPercent(thresholdOf(a.detail), locale, { digits: 0 });
    const hour = thsFromHs(a.detail.hs1h as string | undefined);
    const day = thsFromHs(a.detail.hs1d as string | undefined);
    return hour === null || day === null ? ta('lowThreshold', { threshold }) : ta('lowDetail', { threshold, hour: formatHashrate(hour, locale), day: formatHashrate(day, locale) });
  };
  const ticketDefaults = (a: Row) => ({
    title: ta('poolTicketTitle', { kind: t(`alertKind.${a.kind}`), worker: a.workerName ?? a.subject }).slice(0, 200),
    body: ta('poolTicketBody', { kind: t(`alertKind.${a.kind}`), detail: detail(a) ?? '', worker: a.subject, miner: a.minerName ?? '—', opened: a.openedAt.toISOString(), id: a.id }),
    priority: POOL_SEVERITY[a.kind] === 'critical' ? ('high' as const) : ('normal' as const),
  });
  return (
    <>
      <PageHeader title={t('alertsPage.title')} subtitle={t('alertsPage.subtitle')} />
      <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-3">
        <StatCard label={t('openAlerts')} value={summary.open} tone={summary.open ? 'warn' : 'ok'} />
        <StatCard label={t('alertsPage.resolved7d')} value={summary.resolved7d} />
        <StatCard label={t('alertsPage.medianResolve')} value={summary.medianMinutes === null ? '—' : formatDuration(summary.medianMinutes * 60, locale)} />
      </div>
      <FilterBar label={t('alertsPage.title')} query={query}>
        <FilterSelect name="state" label={t('status')} value={q.state} all={false} options={(['open', 'resolved', 'all'] as const).map((s) => ({ id: s, name: t(`alertsPage.state.${s}`) }))} />
        <FilterSelect name="kind" label={t('alertsPage.kind')} value={q.kind} all={t('alertsPage.allKinds')} options={POOL_ALERT_KINDS.map((k) => ({ id: k, name: t(`alertKind.${k}`) }))} />
        <FilterSearch label={t('searchWorker')} value={q.q} placeholder={t('searchWorker')} />
      </FilterBar>
      <ListTable
        pathname="/pool/alerts"
        query={query}
        page={page}
        empty={{ title: t('alertsPage.empty'), hint: t('alertsPage.emptyHint') }}
        label={t('alertsPage.title')}
        rowKey={(a) => a.id}
        columns={[
          { key: 'kind', header: t('alertsPage.kind'), cell: (a) => <Badge tone={a.resolvedAt ? 'muted' : a.kind === 'low_hashrate' || a.kind === 'budget_warning' ? 'warn' : 'bad'}>{t(`alertKind.${a.kind}`)}</Badge> },
          {
            key: 'subject',
            header: t('alertsPage.subject'),
            cell: (a) => (
              <span className="flex flex-col gap-0.5">
                {a.workerName ? (
                  <Link href={`/pool?q=${encodeURIComponent(a.workerName)}`} className="font-mono text-xs hover:text-accent">
                    {a.subject}
                  </Link>
                ) : (
                  <span className="font-mono text-xs">{a.subject}</span>
                )}
                {a.minerId ? (
                  <Link href={`/hosting/devices/${a.minerId}`} className="text-xs hover:text-accent">
                    {ta('linkedMiner')}: {a.minerName}
                  </Link>
                ) : null}
                {detail(a) ? <span className="text-xs text-muted">{detail(a)}</span> : null}
              </span>
            ),
          },
          { key: 'account', header: t('account'), cell: (a) => a.account ?? '—' },
          { key: 'opened', header: t('alertsPage.opened'), cellClassName: 'text-xs', cell: (a) => when(a.openedAt) },
          { key: 'resolved', header: t('alertsPage.resolvedAt'), cellClassName: 'text-xs', cell: (a) => (a.resolvedAt ? when(a.resolvedAt) : <Badge tone="warn">{t('alertsPage.state.open')}</Badge>) },
          { key: 'lasted', header: t('alertsPage.lasted'), figure: true, cell: (a) => formatDuration(a.minutes * 60, locale) },
          {
            key: 'actions',
            cell: (a) =>
              a.resolvedAt ? null : (
                <div className="flex flex-wrap items-center gap-1">
                  {a.acknowledgedAt ? (
                    <span className="text-xs text-muted">
                      {ta('acknowledged')} · {ta('ackedBy', { who: a.acknowledgedBy ?? '—', when: when(a.acknowledgedAt) })}
                    </span>
                  ) : canAck ? (
                    <AcknowledgePoolAlert id={a.id} />
                  ) : null}
                  {a.minerId && canTicket ? (
                    <NewTicketDialog
                      options={{ miner: { id: a.minerId, name: a.minerName ?? a.subject }, sites: [], customers: [], assignees: null, customerView: false, defaults: ticketDefaults(a) }}
                      triggerLabel={ta('openTicket')}
                      triggerVariant="ghost"
                    />
                  ) : null}
                  {a.minerId && canCommand ? (
                    <AlertFixes minerId={a.minerId} minerName={a.minerName ?? a.subject} fixes={fixesFor(a.kind, measures.get(a.minerId)?.state ?? null).map((type) => ({ type, support: commandSupport(a.vendor, type) }))} />
                  ) : null}
                </div>
              ),
          },
        ]}
      />
    </>
  );
}
