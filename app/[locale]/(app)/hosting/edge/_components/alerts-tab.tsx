import { getFormatter, getTranslations } from 'next-intl/server';
import { ListTable } from '@/components/list/list-table';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listAlertRules, listAlerts } from '@/db/queries/edge/alerts';
import { listMinerCustomerOptions, listMinerModels } from '@/db/queries/hosting/miners';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { AlertActions } from './alert-actions';
import { CreateRuleForm } from './create-rule-form';
import { EDGE_PATH, type EdgeListProps } from './edge-list';

export async function AlertsTab({ actor, req, query }: EdgeListProps) {
  const db = await getDb();
  const [alerts, rules, sites, models, customers, t, format] = await Promise.all([
    listAlerts(db, actor.scope, {}, req),
    listAlertRules(db, actor.scope),
    listSiteOptions(db, actor.scope),
    listMinerModels(db, actor.scope),
    listMinerCustomerOptions(db, actor.scope),
    getTranslations('Edge'),
    getFormatter(),
  ]);
  return (
    <>
      <Card title={t('rulesTitle')} className="mb-6">
        <CreateRuleForm sites={sites} models={models.filter((m) => m.miners > 0)} customers={customers} siteBound={actor.scope.sites !== 'all'} />
        {rules.length ? (
          <ul className="mt-4 flex flex-wrap gap-2 text-xs">
            {rules.map((r) => (
              <li key={r.id} className="rounded border border-line px-2 py-1">
                {r.name} · {t(`kind.${r.kind}`)} · {t(`unit.${r.kind}`, { value: r.threshold })}
                {[sites.find((s) => s.id === r.siteId)?.name, models.find((m) => m.id === r.modelId)?.name, customers.find((c) => c.id === r.customerId)?.name]
                  .filter(Boolean)
                  .map((target) => ` · ${target}`)
                  .join('')}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      <ListTable
        pathname={EDGE_PATH}
        query={query}
        page={alerts}
        keep={['tab']}
        empty={{ title: t('noAlerts') }}
        label={t('tab.alerts')}
        rowKey={(a) => a.id}
        columns={[
          { key: 'miner', header: t('miner'), cell: (a) => a.minerName },
          { key: 'site', header: t('site'), cell: (a) => a.siteName },
          { key: 'rule', header: t('ruleName'), cell: (a) => a.ruleName },
          { key: 'value', header: t('value'), cellClassName: 'tabular-nums', cell: (a) => a.value ?? '—' },
          { key: 'opened', header: t('opened'), cellClassName: 'text-xs', cell: (a) => format.dateTime(a.openedAt, { dateStyle: 'short', timeStyle: 'short' }) },
          { key: 'status', header: t('status'), cell: (a) => <Badge tone={a.status === 'OPEN' ? 'bad' : 'warn'}>{t(`alertStatus.${a.status}`)}</Badge> },
          { key: 'actions', cell: (a) => <AlertActions id={a.id} status={a.status} /> },
        ]}
      />
    </>
  );
}
