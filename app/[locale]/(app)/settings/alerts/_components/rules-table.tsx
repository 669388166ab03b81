import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { RuleView } from '@/db/queries/alerts/rules';
import { formatPercent, formatUsd } from '@/lib/format';
import { ConfirmDelete } from './confirm-delete';
import { type ChannelOption, RuleDialog } from './rule-dialog';

export async function RulesTable({ rules, channels, accountEmail }: { rules: RuleView[]; channels: ChannelOption[]; accountEmail: string }) {
  const [t, format, locale] = await Promise.all([getTranslations('Alerts'), getFormatter(), getLocale()]);
  const byId = new Map(channels.map((c) => [c.id, c]));
  const value = (kind: RuleView['kind'], v: number) =>
    kind === 'difficulty_change_above' ? formatPercent(v, locale, { digits: 2 }) : formatUsd(v, locale);
  return (
    <Card title={t('rulesTitle')}>
      {rules.length === 0 ? (
        <EmptyState title={t('noRules')} hint={t('noRulesHint')} />
      ) : (
        <DataTable
          label={t('rulesTitle')}
          rows={rules}
          rowKey={(r) => r.id}
          rowProps={() => ({ 'data-testid': 'alert-rule' })}
          columns={[
            { key: 'kind', header: t('kind'), cell: (r) => t(`kinds.${r.kind}`) },
            {
              key: 'threshold',
              header: t('threshold'),
              cellClassName: 'tabular-nums',
              cell: (r) => (
                <>
                  {value(r.kind, r.threshold)} <span className="text-xs text-muted">{t(`units.${r.kind}`)}</span>
                </>
              ),
            },
            {
              key: 'state',
              header: t('state'),
              cell: (r) => (
                <>
                  <Badge tone={r.state === 'breached' ? 'bad' : 'ok'}>{t(`states.${r.state}`)}</Badge>
                  <div className="mt-1 text-xs text-muted">{t('since', { date: format.dateTime(r.stateChangedAt, { dateStyle: 'short', timeStyle: 'short' }) })}</div>
                </>
              ),
            },
            { key: 'lastValue', header: t('lastValue'), cellClassName: 'tabular-nums', cell: (r) => (r.lastValue === null ? t('notEvaluated') : value(r.kind, r.lastValue)) },
            {
              key: 'channels',
              header: t('channels'),
              cellClassName: 'text-xs',
              cell: (r) =>
                r.channelIds.length === 0 ? (
                  <Badge tone="warn">{t('noChannels')}</Badge>
                ) : (
                  r.channelIds.map((id) => {
                    const c = byId.get(id);
                    return c ? <div key={id}>{c.kind === 'email' ? c.target : c.label}</div> : null;
                  })
                ),
            },
            {
              key: 'actions',
              header: t('actions'),
              className: 'text-right',
              cellClassName: 'whitespace-nowrap',
              cell: (r) => (
                <>
                  <RuleDialog channels={channels} accountEmail={accountEmail} initial={{ id: r.id, kind: r.kind, threshold: r.threshold, channelIds: r.channelIds }} triggerLabel={t('edit')} triggerVariant="ghost" />
                  <ConfirmDelete what="rule" id={r.id} name={t(`kinds.${r.kind}`)} />
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
