import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, Td, Th } from '@/components/ui/table';
import type { RuleView } from '@/db/queries/alert-rules';
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
        <Table label={t('rulesTitle')}>
          <thead>
            <tr>
              <Th>{t('kind')}</Th>
              <Th>{t('threshold')}</Th>
              <Th>{t('state')}</Th>
              <Th>{t('lastValue')}</Th>
              <Th>{t('channels')}</Th>
              <Th className="text-right">{t('actions')}</Th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} data-testid="alert-rule">
                <Td>{t(`kinds.${r.kind}`)}</Td>
                <Td className="tabular-nums">
                  {value(r.kind, r.threshold)} <span className="text-xs text-muted">{t(`units.${r.kind}`)}</span>
                </Td>
                <Td>
                  <Badge tone={r.state === 'breached' ? 'bad' : 'ok'}>{t(`states.${r.state}`)}</Badge>
                  <div className="mt-1 text-xs text-muted">{t('since', { date: format.dateTime(r.stateChangedAt, { dateStyle: 'short', timeStyle: 'short' }) })}</div>
                </Td>
                <Td className="tabular-nums">{r.lastValue === null ? t('notEvaluated') : value(r.kind, r.lastValue)}</Td>
                <Td className="text-xs">
                  {r.channelIds.length === 0 ? (
                    <Badge tone="warn">{t('noChannels')}</Badge>
                  ) : (
                    r.channelIds.map((id) => {
                      const c = byId.get(id);
                      return c ? <div key={id}>{c.kind === 'email' ? c.target : c.label}</div> : null;
                    })
                  )}
                </Td>
                <Td className="whitespace-nowrap text-right">
                  <RuleDialog channels={channels} accountEmail={accountEmail} initial={{ id: r.id, kind: r.kind, threshold: r.threshold, channelIds: r.channelIds }} triggerLabel={t('edit')} triggerVariant="ghost" />
                  <ConfirmDelete what="rule" id={r.id} name={t(`kinds.${r.kind}`)} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
