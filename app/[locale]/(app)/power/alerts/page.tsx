import { forbidden } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSelect } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { orgChannelOptions } from '@/db/queries/alerts/notification-channels';
import { listPowerAlerts, powerAlertChannelIds } from '@/db/queries/power/alerts';
import { seesHostCosts } from '@/db/queries/power/read';
import { can } from '@/lib/auth/permissions';
import { isOrgWide } from '@/lib/core/scope';
import { POWER_ALERT_KINDS, POWER_ALERT_RULES } from '@/lib/domain/power/alerts';
import { BASELINE } from '@/lib/domain/power/baseline';
import { formatDateTime, formatNumber, formatPercent } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { powerAlertsPageSchema } from '@/lib/validation/power-reports';
import { alertDetail } from '../_components/alert-detail';
import { AlertChannelsForm } from './_components/alert-channels-form';

export const generateMetadata = pageTitle('powerAlerts');

/**
 * Power alerts as the power-alerts job raised them (each once per site and period), newest first,
 * with the rules they follow; owners and admins choose the channels they go to. Staff only.
 */
export default async function PowerAlertsPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'hosting:power', powerAlertsPageSchema);
  if (!seesHostCosts(actor.scope)) forbidden();
  const db = await getDb();
  const editsChannels = isOrgWide(actor.scope) && can(actor.role, 'hosting:power', 'FULL');
  const [t, ta, page, channels, selected] = await Promise.all([
    getTranslations('Power'),
    getTranslations('Alerts'),
    listPowerAlerts(db, actor.scope, { kind: q.kind }, q),
    editsChannels ? orgChannelOptions(db, actor.orgId) : [],
    editsChannels ? powerAlertChannelIds(db, actor.orgId) : [],
  ]);
  const R = POWER_ALERT_RULES;
  return (
    <>
      <PageHeader title={t('alertsPage.title')} subtitle={t('alertsPage.subtitle')} />
      <FilterBar label={t('alertsPage.title')} query={query}>
        <FilterSelect name="kind" label={t('alertsPage.kind')} value={q.kind} all={t('alertsPage.allKinds')} options={POWER_ALERT_KINDS.map((k) => ({ id: k, name: t(`alert.${k}`) }))} />
      </FilterBar>
      <ListTable
        pathname="/power/alerts"
        query={query}
        page={page}
        label={t('alertsPage.title')}
        empty={{ title: t('noAlerts'), hint: t('alertsPage.emptyHint') }}
        rowKey={(a) => a.id}
        card={(a) => (
          <div className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={a.severity === 'critical' ? 'bad' : a.severity === 'warning' ? 'warn' : 'muted'}>{t(`alert.${a.kind}`)}</Badge>
              <span className="font-medium">{a.site}</span>
            </div>
            <span className="text-muted">{alertDetail(t, a, locale)}</span>
            <span className="text-xs text-muted">{formatDateTime(a.raisedAt, locale, a.timeZone, { zone: true })}</span>
          </div>
        )}
        columns={[
          { key: 'kind', header: t('alertsPage.kind'), cell: (a) => <Badge tone={a.severity === 'critical' ? 'bad' : a.severity === 'warning' ? 'warn' : 'muted'}>{t(`alert.${a.kind}`)}</Badge> },
          { key: 'site', header: t('site'), cell: (a) => a.site },
          { key: 'detail', header: t('alertsPage.detail'), cellClassName: 'text-xs', cell: (a) => alertDetail(t, a, locale) },
          { key: 'raised', header: t('alertsPage.raised'), cellClassName: 'text-xs whitespace-nowrap', cell: (a) => formatDateTime(a.raisedAt, locale, a.timeZone, { zone: true }) },
        ]}
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title={t('alertsPage.rulesTitle')}>
          <ul className="list-disc space-y-1 pl-5 text-sm text-muted">
            <li>{t('alertsPage.rule.peak_warning', { minutes: formatNumber(R.peakLeadMinutes, locale), share: formatPercent(R.fullLoadShare * 100, locale, { digits: 0 }) })}</li>
            <li>{t('alertsPage.rule.abnormal_consumption', { weeks: formatNumber(BASELINE.weeks, locale), k: formatNumber(BASELINE.k, locale), min: formatPercent(BASELINE.minRelDeviation * 100, locale, { digits: 0 }) })}</li>
            <li>{t('alertsPage.rule.contract_exceeded')}</li>
            <li>{t('alertsPage.rule.rate_change', { days: formatNumber(R.rateNoticeDays, locale) })}</li>
            <li>{t('alertsPage.rule.meter_gap', { hours: formatNumber(R.meterGapHours, locale) })}</li>
            <li>{t('alertsPage.rule.data_gap', { hours: formatNumber(R.dataGapHours, locale) })}</li>
          </ul>
        </Card>
        {editsChannels ? (
          <Card title={t('alertsPage.channelsTitle')}>
            <p className="mb-3 text-sm text-muted">{t('alertsPage.channelsHint')}</p>
            <AlertChannelsForm
              channels={channels.map((c) => ({ id: c.id, name: ta('channelOption', { label: c.label, owner: c.owner, format: c.kind === 'email' ? ta('channelKinds.email') : ta(`channelFormats.${c.format}`) }) }))}
              selected={selected}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
