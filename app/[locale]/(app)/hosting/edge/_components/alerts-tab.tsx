import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listAlertRules, listAlerts } from '@/db/queries/edge-alerts';
import { listMinerCustomerOptions, listMinerModels } from '@/db/queries/miners';
import { listSiteOptions } from '@/db/queries/sites';
import type { Actor } from '@/lib/auth/actor';
import { AlertActions } from './alert-actions';
import { CreateRuleForm } from './create-rule-form';

export async function AlertsTab({ actor, page }: { actor: Actor; page: number }) {
  const db = await getDb();
  const [alerts, rules, sites, models, customers, t, format] = await Promise.all([
    listAlerts(db, actor.scope, {}, { page, pageSize: 25 }),
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
      {alerts.total === 0 ? (
        <EmptyState title={t('noAlerts')} />
      ) : (
        <>
          <Table label={t('tab.alerts')}>
            <thead>
              <tr>
                <Th>{t('miner')}</Th>
                <Th>{t('site')}</Th>
                <Th>{t('ruleName')}</Th>
                <Th>{t('value')}</Th>
                <Th>{t('opened')}</Th>
                <Th>{t('status')}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {alerts.rows.map((a) => (
                <tr key={a.id}>
                  <Td>{a.minerName}</Td>
                  <Td>{a.siteName}</Td>
                  <Td>{a.ruleName}</Td>
                  <Td className="tabular-nums">{a.value ?? '—'}</Td>
                  <Td className="text-xs">{format.dateTime(a.openedAt, { dateStyle: 'short', timeStyle: 'short' })}</Td>
                  <Td>
                    <Badge tone={a.status === 'OPEN' ? 'bad' : 'warn'}>{t(`alertStatus.${a.status}`)}</Badge>
                  </Td>
                  <Td>
                    <AlertActions id={a.id} status={a.status} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination pathname="/hosting/edge" query={{ tab: 'alerts' }} page={alerts.page} pageCount={alerts.pageCount} total={alerts.total} />
        </>
      )}
    </>
  );
}
