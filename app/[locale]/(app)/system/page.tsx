import { getTranslations } from 'next-intl/server';
import { StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listSystemAlerts } from '@/db/queries/system/alerts';
import { jobSchedules } from '@/inngest/schedules';
import { can } from '@/lib/auth/permissions';
import { SYSTEM_THRESHOLDS } from '@/lib/domain/system/thresholds';
import { env } from '@/lib/env';
import { formatBytes, formatDateTime, formatDuration, formatNumber } from '@/lib/format';
import { checkHealth } from '@/lib/health';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { loadMonitoring } from '@/lib/system/monitoring';
import { systemPageSchema } from '@/lib/validation/system';
import { AppInstance } from './_components/app-instance';
import { Collectors } from './_components/collectors';
import { DatabaseCard } from './_components/database-card';
import { Findings } from './_components/findings';
import { Integrations } from './_components/integrations';
import { Jobs } from './_components/jobs';

export const generateMetadata = pageTitle('system');

/**
 * System monitoring: the database, every scheduled function against its schedule, outside services,
 * the collectors the user may see, this app instance, and the findings the health check raised.
 * Installation internals (outside services, table sizes, routes, memory) are for the roles that run
 * the installation (system:performance); the rest for every role that reads system health.
 */
export default async function SystemPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'system:health', systemPageSchema);
  const db = await getDb();
  const now = new Date();
  const internals = can(actor.role, 'system:performance', 'READ');
  const [t, health, m, findings] = await Promise.all([getTranslations('System'), checkHealth(), loadMonitoring(db, actor.scope, jobSchedules(), now), listSystemAlerts(db, actor.scope, q)]);
  const latencyTone = m.database.latencyMs >= SYSTEM_THRESHOLDS.dbLatencyCriticalMs ? 'bad' : m.database.latencyMs >= SYSTEM_THRESHOLDS.dbLatencyWarnMs ? 'warn' : 'ok';
  const troubled = m.jobs.filter((j) => j.health.state === 'late' || j.health.state === 'never' || j.health.state === 'failed').length;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { at: formatDateTime(now, locale, 'UTC', { seconds: true, zone: true }) })} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <StatCard label={t('status')} value={health.status === 'ok' ? t('ok') : t('degraded')} tone={health.status === 'ok' ? 'ok' : 'bad'} hint={t('version', { version: health.version })} />
        <StatCard label={t('dbLatency')} value={t('ms', { ms: formatNumber(m.database.latencyMs, locale, { digits: 1 }) })} tone={latencyTone} hint={t('dbLatencyHint', { warn: SYSTEM_THRESHOLDS.dbLatencyWarnMs })} />
        <StatCard label={t('jobsTroubled')} value={formatNumber(troubled, locale)} tone={troubled ? 'warn' : 'ok'} hint={t('jobsOf', { n: m.jobs.length })} />
        <StatCard label={t('uptime')} value={formatDuration(health.uptimeS, locale)} hint={t('since', { at: formatDateTime(health.startedAt, locale, 'UTC', { zone: true }) })} />
        {internals ? <StatCard label={t('memory')} value={formatBytes(m.instance.memory.rssBytes, locale)} hint={t('memoryHint', { heap: formatBytes(m.instance.memory.heapUsedBytes, locale) })} /> : null}
      </div>
      <Findings page={findings} query={query} locale={locale} />
      <Jobs jobs={m.jobs} runner={env().jobs.runner} locale={locale} showErrors={can(actor.role, 'system:health', 'FULL')} />
      <Collectors collectors={m.collectors} locale={locale} now={now} />
      {internals ? (
        <>
          <Integrations rows={m.integrations} instance={m.instance.externals} locale={locale} />
          <DatabaseCard db={m.database} locale={locale} />
          <AppInstance instance={m.instance} locale={locale} />
        </>
      ) : null}
    </>
  );
}
