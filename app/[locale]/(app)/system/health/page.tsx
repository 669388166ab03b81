import { getTranslations, setRequestLocale } from 'next-intl/server';
import { StatCard } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { jobRunSummary } from '@/db/queries/system/job-runs';
import { requirePage } from '@/lib/auth/guard';
import { can } from '@/lib/auth/permissions';
import { env } from '@/lib/env';
import { formatDuration } from '@/lib/format';
import { checkHealth } from '@/lib/health';
import { pageTitle } from '@/lib/i18n/page-title';
import { JobRuns } from './_components/job-runs';

export const generateMetadata = pageTitle('health');

export default async function HealthPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'system:health');
  const [health, t, runs] = await Promise.all([checkHealth(), getTranslations('Health'), getDb().then((db) => jobRunSummary(db, new Date()))]);
  const tone = (ok: boolean): 'ok' | 'bad' => (ok ? 'ok' : 'bad');
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('status')} value={health.status === 'ok' ? t('ok') : t('degraded')} tone={tone(health.status === 'ok')} />
        <StatCard label={t('database')} value={health.db === 'ok' ? t('ok') : t('degraded')} tone={tone(health.db === 'ok')} />
        <StatCard label={t('version')} value={health.version} />
        <StatCard label={t('uptime')} value={formatDuration(health.uptimeS, locale)} />
      </div>
      {/* Job errors are installation-wide text: only the roles that run the installation read them. */}
      <JobRuns runner={env().jobs.runner} runs={runs} locale={locale} showErrors={can(actor.role, 'system:health', 'FULL')} />
    </>
  );
}
