import { getFormatter, getTranslations } from 'next-intl/server';
import { AlertFixes } from '@/components/alerts/alert-fixes';
import { NewTicketDialog } from '@/components/hosting/new-ticket-dialog';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSelect } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listChannels } from '@/db/queries/alerts/notification-channels';
import { listAlertRules, listAlerts } from '@/db/queries/edge/alerts';
import { listMinerCustomerOptions, listMinerModels } from '@/db/queries/hosting/miners';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { minerMeasures } from '@/db/queries/telemetry/operational-state';
import { can } from '@/lib/auth/permissions';
import { fixesFor } from '@/lib/domain/alerts/fixes';
import { ALERT_SEVERITIES } from '@/lib/domain/alerts/severity';
import { commandSupport } from '@/lib/domain/edge/command-support';
import { Link } from '@/lib/i18n/navigation';
import { EDGE_ALERT_STATES } from '@/lib/validation/edge-page';
import { AlertActions } from './alert-actions';
import { CreateRuleForm } from './create-rule-form';
import { EDGE_PATH, type EdgeListProps } from './edge-list';

const SEVERITY_TONE = { critical: 'bad', warning: 'warn', info: 'muted' } as const;

/**
 * The operators' list of edge alerts: filtered by state, site and severity, each linking to its
 * miner and offering acknowledge, a prefilled ticket and the commands that fit it.
 */
export async function AlertsTab({ actor, req, query }: EdgeListProps & { req: EdgeListProps['req'] & { state: (typeof EDGE_ALERT_STATES)[number]; siteId?: string; severity?: (typeof ALERT_SEVERITIES)[number] } }) {
  const db = await getDb();
  const [alerts, rules, sites, models, customers, channels, t, ta, format] = await Promise.all([
    listAlerts(db, actor.scope, { status: req.state, siteId: req.siteId, severity: req.severity }, req),
    listAlertRules(db, actor.scope),
    listSiteOptions(db, actor.scope),
    listMinerModels(db, actor.scope),
    listMinerCustomerOptions(db, actor.scope),
    listChannels(db, { orgId: actor.orgId, userId: actor.userId }),
    getTranslations('Edge'),
    getTranslations('AlertActions'),
    getFormatter(),
  ]);
  const measures = new Map((await minerMeasures(db, actor.scope, new Date(), [...new Set(alerts.rows.map((a) => a.minerId))])).map((m) => [m.minerId, m]));
  const canAck = can(actor.role, 'hosting:status_monitor', 'FULL');
  const canTicket = can(actor.role, 'hosting:ticket', 'FULL');
  const canCommand = can(actor.role, 'remote:execute', 'FULL');
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' });
  type Row = (typeof alerts.rows)[number];
  const condition = (a: Row) => `${t(`kind.${a.kind}`)} · ${t(`unit.${a.kind}`, { value: a.threshold })}`;
  const ticketDefaults = (a: Row) => ({
    title: ta('ticketTitle', { rule: a.ruleName, miner: a.minerName }).slice(0, 200),
    body: ta('ticketBody', { rule: a.ruleName, condition: condition(a), value: a.value ?? '—', miner: a.minerName, site: a.siteName, opened: a.openedAt.toISOString(), severity: ta(`severity.${a.severity}`), id: a.id }),
    priority: a.severity === 'critical' ? ('high' as const) : ('normal' as const),
  });
  return (
    <>
      <Card title={t('rulesTitle')} className="mb-6">
        <CreateRuleForm sites={sites} models={models.filter((m) => m.miners > 0)} customers={customers} channels={channels.map((c) => ({ id: c.id, name: `${c.label} (${c.kind === 'email' ? c.target : ta(`format.${c.format}`)})` }))} siteBound={actor.scope.sites !== 'all'} />
        {rules.length ? (
          <ul className="mt-4 flex flex-wrap gap-2 text-xs">
            {rules.map((r) => (
              <li key={r.id} className="rounded border border-line px-2 py-1">
                <Badge tone={SEVERITY_TONE[r.severity]}>{ta(`severity.${r.severity}`)}</Badge> {r.name} · {t(`kind.${r.kind}`)} · {t(`unit.${r.kind}`, { value: r.threshold })}
                {[sites.find((s) => s.id === r.siteId)?.name, models.find((m) => m.id === r.modelId)?.name, customers.find((c) => c.id === r.customerId)?.name]
                  .filter(Boolean)
                  .map((target) => ` · ${target}`)
                  .join('')}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      <FilterBar label={t('tab.alerts')} query={query} keep={['tab']}>
        <FilterSelect name="state" label={t('status')} value={req.state} all={false} options={EDGE_ALERT_STATES.map((s) => ({ id: s, name: ta(`state.${s}`) }))} />
        <FilterSelect name="siteId" label={t('site')} value={req.siteId} all={t('allSites')} options={sites} />
        <FilterSelect name="severity" label={ta('severityLabel')} value={req.severity} options={ALERT_SEVERITIES.map((s) => ({ id: s, name: ta(`severity.${s}`) }))} />
      </FilterBar>
      <ListTable
        pathname={EDGE_PATH}
        query={query}
        page={alerts}
        keep={['tab', 'state', 'siteId', 'severity']}
        empty={{ title: t('noAlerts'), hint: ta('emptyHint') }}
        label={t('tab.alerts')}
        rowKey={(a) => a.id}
        columns={[
          {
            key: 'miner',
            header: t('miner'),
            cell: (a) => (
              <Link href={`/hosting/devices/${a.minerId}`} className="font-medium hover:text-accent">
                {a.minerName}
              </Link>
            ),
          },
          { key: 'site', header: t('site'), cell: (a) => a.siteName },
          {
            key: 'rule',
            header: t('ruleName'),
            cell: (a) => (
              <span className="flex flex-col gap-0.5">
                <span>
                  <Badge tone={SEVERITY_TONE[a.severity]}>{ta(`severity.${a.severity}`)}</Badge> {a.ruleName}
                </span>
                <span className="text-xs text-muted">{condition(a)}</span>
              </span>
            ),
          },
          { key: 'value', header: t('value'), cellClassName: 'tabular-nums', cell: (a) => a.value ?? '—' },
          { key: 'opened', header: t('opened'), cellClassName: 'text-xs', cell: (a) => when(a.openedAt) },
          {
            key: 'status',
            header: t('status'),
            cell: (a) => (
              <span className="flex flex-col gap-0.5">
                <Badge tone={a.status === 'OPEN' ? 'bad' : a.status === 'ACKNOWLEDGED' ? 'warn' : 'muted'}>{t(`alertStatus.${a.status}`)}</Badge>
                {a.acknowledgedAt ? <span className="text-xs text-muted">{ta('ackedBy', { who: a.acknowledgedBy ?? '—', when: when(a.acknowledgedAt) })}</span> : null}
                {a.escalatedAt ? <span className="text-xs text-bad">{ta('escalated', { when: when(a.escalatedAt) })}</span> : null}
              </span>
            ),
          },
          {
            key: 'actions',
            cell: (a) =>
              a.status === 'RESOLVED' ? null : (
                <div className="flex flex-wrap gap-1">
                  {canAck ? <AlertActions id={a.id} status={a.status} /> : null}
                  {canTicket ? (
                    <NewTicketDialog
                      options={{ miner: { id: a.minerId, name: a.minerName }, sites: [], customers: [], assignees: null, customerView: false, defaults: ticketDefaults(a) }}
                      triggerLabel={ta('openTicket')}
                      triggerVariant="ghost"
                    />
                  ) : null}
                  {canCommand ? (
                    <AlertFixes minerId={a.minerId} minerName={a.minerName} fixes={fixesFor(a.kind, measures.get(a.minerId)?.state ?? null).map((type) => ({ type, support: commandSupport(a.vendor, type) }))} />
                  ) : null}
                </div>
              ),
          },
        ]}
      />
    </>
  );
}
