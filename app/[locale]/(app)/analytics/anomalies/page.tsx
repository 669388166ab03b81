import { getTranslations } from 'next-intl/server';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterSelect } from '@/components/list/filters';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listAnomalyFlags } from '@/db/queries/anomaly/flags';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { ANOMALY_KINDS, ANOMALY_SEVERITIES, type ExplainPart } from '@/lib/domain/anomaly/types';
import { formatDateTime } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { Link } from '@/lib/i18n/navigation';
import { pageFields } from '@/lib/list/list-fields';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { z } from '@/lib/validation/zod';

export const generateMetadata = pageTitle('anomalies');

const schema = z.object({
  ...pageFields(50),
  status: z.enum(['open', 'resolved']).default('open').catch('open'),
  kind: z.enum(ANOMALY_KINDS).optional().catch(undefined),
  severity: z.enum(ANOMALY_SEVERITIES).optional().catch(undefined),
  site: z.uuid().optional().catch(undefined),
});
const TONE = { critical: 'bad', warning: 'warn', info: 'muted' } as const;

/**
 * What the anomaly job (every 15 minutes) found on the telemetry of the miners in the viewer's
 * scope, with the figures that tripped each flag against the miner's own 30-day history and the
 * other miners of its model at its site. How the detector was measured: README, "Anomaly detection".
 */
export default async function AnomaliesPage(props: ListPageProps) {
  const { locale, actor, q, query } = await openListPage(props, 'ai:anomaly_detect', schema);
  const db = await getDb();
  const [page, sites, t] = await Promise.all([
    listAnomalyFlags(db, actor.scope, { status: q.status, kind: q.kind, severity: q.severity, siteId: q.site }, q),
    listSiteOptions(db, actor.scope),
    getTranslations('Analytics.Anomalies'),
  ]);
  const explain = (parts: ExplainPart[]) => parts.map((p) => t(`explain.${p.key}`, p.values)).join(t('explain.separator'));
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <FilterBar label={t('title')} query={query}>
        <FilterSelect name="status" label={t('status')} value={q.status} all={false} options={(['open', 'resolved'] as const).map((s) => ({ id: s, name: t(`statusName.${s}`) }))} />
        <FilterSelect name="kind" label={t('kindCol')} value={q.kind} options={ANOMALY_KINDS.map((k) => ({ id: k, name: t(`kind.${k}`) }))} />
        <FilterSelect name="severity" label={t('severity')} value={q.severity} options={ANOMALY_SEVERITIES.map((s) => ({ id: s, name: t(`severityName.${s}`) }))} />
        <FilterSelect name="site" label={t('site')} value={q.site} options={sites} />
      </FilterBar>
      <ListTable
        pathname="/analytics/anomalies"
        query={query}
        page={page}
        empty={{ title: q.status === 'open' ? t('emptyOpen') : t('emptyResolved'), hint: t('emptyBody') }}
        label={t('title')}
        rowKey={(r) => r.id}
        columns={[
          { key: 'severity', header: t('severity'), cell: (r) => <Badge tone={TONE[r.severity]}>{t(`severityName.${r.severity}`)}</Badge> },
          { key: 'kind', header: t('kindCol'), cell: (r) => t(`kind.${r.kind}`) },
          {
            key: 'miner',
            header: t('miner'),
            cell: (r) => (
              <Link href={`/hosting/devices/${r.minerId}`} className="text-accent hover:underline">
                {r.minerName}
              </Link>
            ),
          },
          { key: 'site', header: t('site'), cellClassName: 'text-xs text-muted', cell: (r) => `${r.siteName} · ${r.modelName}` },
          { key: 'explain', header: t('explanation'), cell: (r) => explain(r.explain) },
          { key: 'since', header: t('since'), cell: (r) => formatDateTime(r.firstSeenAt, locale) },
          { key: 'seen', header: q.status === 'open' ? t('lastSeen') : t('resolvedAt'), cell: (r) => formatDateTime(r.resolvedAt ?? r.lastSeenAt, locale) },
        ]}
      />
    </>
  );
}
