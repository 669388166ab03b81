import { getTranslations } from 'next-intl/server';
import { formatPlanRate } from '@/components/billing/plan-price';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listContracts } from '@/db/queries/billing/contracts';
import type { Scope } from '@/lib/core/scope';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';

/** The client's own hosting contracts: what it pays (the rate in its unit), term, renewal and SLA target. */
export async function PortalContracts({ scope, locale }: { scope: Scope; locale: string }) {
  if (scope.customers === 'all' || scope.customers.length === 0) return null;
  const db = await getDb();
  const [lists, t] = await Promise.all([Promise.all(scope.customers.map((id) => listContracts(db, scope, id).catch(() => []))), getTranslations('Billing.portalContracts')]);
  const contracts = lists.flat();
  return (
    <Card title={t('title')} className="mt-6">
      {contracts.length === 0 ? (
        <p className="text-sm text-muted">{t('none')}</p>
      ) : (
        <ul className="flex flex-col gap-3 text-sm">
          {contracts.map((c) => (
            <li key={c.id} className="rounded-md border border-line p-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold tabular-nums">
                  {formatPlanRate(c.pricing, c.rate, locale)} {t(`unitOf.${c.pricing as 'per_kwh'}`)}
                </span>
                <Badge tone={c.status === 'active' ? 'ok' : 'muted'}>{t(`status.${c.status === 'active' ? 'active' : 'void'}`)}</Badge>
              </div>
              <p className="mt-1 text-xs text-muted">
                {t('term', { start: formatDate(c.startDate, locale), months: formatNumber(c.termMonths, locale) })}
                {c.autoRenew ? ` · ${t('autoRenew')}` : ''}
                {c.slaUptimeBps ? ` · ${t('sla', { pct: formatPercent(c.slaUptimeBps / 100, locale) })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
