import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, StatCard } from '@/components/ui/card';
import { syncIssueMessage } from '@/lib/crm/sync-issue-text';
import type { SyncCounts, SyncStatus } from '@/lib/domain/crm/sync-health';
import { formatDateTime, formatPercent } from '@/lib/format';
import { SyncAllButton } from './sync-all-button';

/** Seed 002's health indicators and recommended alerts, and the batch sync button for who may run it. */
export async function SyncHealthPanel({ counts, status, locale, canSync }: { counts: SyncCounts; status: SyncStatus; locale: string; canSync: boolean }) {
  const t = await getTranslations('CrmSync');
  const healthy = status.health === 'healthy';
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          {t('panel.title')} <Badge tone={healthy ? 'ok' : 'warn'}>{healthy ? t('panel.healthy') : t('panel.warning')}</Badge>
        </span>
      }
      className="mb-4"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard
          label={t('panel.linkRate')}
          value={formatPercent(status.linkRatePct, locale)}
          tone={status.issues.includes('LOW_LINK_RATE') ? 'warn' : undefined}
          hint={t('panel.linkRateHint', { linked: counts.linkedCustomers, total: counts.totalCustomers })}
        />
        <StatCard
          label={t('panel.freshness')}
          value={counts.lastBatchAt ? formatDateTime(counts.lastBatchAt, locale) : t('panel.never')}
          tone={status.issues.includes('STALE_BATCH') || status.issues.includes('NEVER_SYNCED') ? 'warn' : undefined}
        />
        <StatCard
          label={t('panel.errorRate')}
          value={status.errorRatePct === null ? t('panel.noOperations') : formatPercent(status.errorRatePct, locale)}
          tone={status.issues.includes('HIGH_ERROR_RATE') ? 'bad' : undefined}
          hint={t('panel.errorRateHint')}
        />
      </div>
      {status.issues.length ? (
        <ul className="mt-3 list-disc pl-5 text-sm text-warn">
          {status.issues.map((i) => {
            const m = syncIssueMessage(i);
            return <li key={i}>{t(m.key, m.values)}</li>;
          })}
        </ul>
      ) : null}
      {canSync ? (
        <div className="mt-3">
          <SyncAllButton />
        </div>
      ) : null}
    </Card>
  );
}
