import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/list/data-table';
import { FigureCard } from '@/components/list/figure-card';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { Db } from '@/db/client';
import { listAlerts } from '@/db/queries/pool/alerts';
import { latestRuns } from '@/db/queries/pool/runs';
import { listPayments } from '@/db/queries/pool/payments';
import type { Scope } from '@/lib/core/scope';
import { formatBtcFromSats } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { PLANNED_LIMIT } from '@/lib/integrations/antpool/budget';
import { defaultBudget } from '@/lib/integrations/antpool/factory';

/** Open alerts, newest first. */
export async function AlertsPanel({ db, scope }: { db: Db; scope: Scope }) {
  const [t, f, page] = await Promise.all([getTranslations('Pool'), getFormatter(), listAlerts(db, scope, { state: 'open' }, { page: 1, pageSize: 10 })]);
  return (
    <Card title={`${t('openAlerts')} (${page.total})`} className="min-w-0">
      {page.rows.length === 0 ? (
        <p className="text-sm text-muted">{t('noAlerts')}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {page.rows.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2">
              <Badge tone={a.kind === 'low_hashrate' || a.kind === 'budget_warning' ? 'warn' : 'bad'}>{t(`alertKind.${a.kind}`)}</Badge>
              <span className="font-mono text-xs">{a.subject}</span>
              <span className="text-xs text-muted">{f.relativeTime(a.openedAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <SeeAll href="/pool/alerts" label={t('seeAll')} />
    </Card>
  );
}

function SeeAll({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="mt-3 inline-block text-sm text-accent hover:underline">
      {label}
    </Link>
  );
}

export async function PaymentsPanel({ db, orgId }: { db: Db; orgId: string }) {
  const [t, f, locale, payouts, recv] = await Promise.all([
    getTranslations('Pool'),
    getFormatter(),
    getLocale(),
    listPayments(db, orgId, { kind: 'payout' }, { page: 1, pageSize: 8 }),
    listPayments(db, orgId, { kind: 'recv' }, { page: 1, pageSize: 8 }),
  ]);
  const table = (label: string, rows: typeof payouts.rows) =>
    rows.length === 0 ? (
      <p className="text-sm text-muted">{t('noPayments')}</p>
    ) : (
      <DataTable
        label={label}
        rows={rows}
        rowKey={(r) => `${r.account}-${r.paidAt.toISOString()}`}
        columns={[
          { key: 'date', header: t('date'), cell: (r) => f.dateTime(r.paidAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) },
          { key: 'btc', header: 'BTC', figure: true, cell: (r) => formatBtcFromSats(r.amountSats, locale, { unit: false }) },
          { key: 'account', header: t('account'), cell: (r) => r.account },
        ]}
        card={(r) => (
          <FigureCard
            title={f.dateTime(r.paidAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}
            figures={[
              { label: 'BTC', value: formatBtcFromSats(r.amountSats, locale, { unit: false }) },
              { label: t('account'), value: r.account },
            ]}
          />
        )}
      />
    );
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title={t('earnings')} className="min-w-0">{table(t('earnings'), recv.rows)}</Card>
      <Card title={t('payouts')} className="min-w-0">
        {table(t('payouts'), payouts.rows)}
        <SeeAll href="/pool/payments" label={t('seeAll')} />
      </Card>
    </div>
  );
}

/** Requests in the last 10 minutes against the planned budget, and the latest tier runs. */
export async function UsagePanel({ db, orgId }: { db: Db; orgId: string }) {
  const [t, f, used, runs] = await Promise.all([getTranslations('Pool'), getFormatter(), defaultBudget(db).used(new Date()), latestRuns(db, orgId, 8)]);
  const share = Math.min(100, Math.round((used / PLANNED_LIMIT) * 100));
  return (
    <Card title={t('apiUsage')} className="min-w-0">
      <p className="text-sm">{t('budgetUsed', { used, limit: PLANNED_LIMIT })}</p>
      <div className="mt-2 h-2 rounded bg-surface-2" role="meter" aria-valuenow={used} aria-valuemin={0} aria-valuemax={PLANNED_LIMIT} aria-label={t('apiUsage')}>
        <div className={`h-2 rounded ${share >= 80 ? 'bg-warn' : 'bg-accent'}`} style={{ width: `${share}%` }} />
      </div>
      {runs.length ? (
        <ul className="mt-3 space-y-1 text-xs text-muted">
          {runs.map((r) => (
            <li key={r.id}>
              {t('runLine', { tier: r.tier, calls: r.calls, ok: r.accountsOk, failed: r.accountsFailed })} · {f.relativeTime(r.startedAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-xs text-muted">{t('noRuns')}</p>
      )}
      <SeeAll href="/pool/usage" label={t('seeAll')} />
    </Card>
  );
}
