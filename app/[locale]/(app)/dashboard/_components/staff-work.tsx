import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, StatCard } from '@/components/ui/card';
import { getDb } from '@/db';
import { listAlerts } from '@/db/queries/edge/alerts';
import { listTickets } from '@/db/queries/hosting/tickets';
import { listCurtailmentEvents } from '@/db/queries/power/curtailment-events';
import type { Scope } from '@/lib/core/scope';
import { formatDateTime, formatNumber } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';

const DAY_MS = 86_400_000;

/**
 * The floor's work for staff: unresolved miner alerts, active tickets (overdue first) and the
 * curtailments of the last 24 hours, each with its newest items and a link to its list. Every list
 * is the same scoped query its own page runs.
 */
export async function StaffWork({ scope, locale, now }: { scope: Scope; locale: string; now: Date }) {
  const db = await getDb();
  const [alerts, tickets, overdue, events, t] = await Promise.all([
    listAlerts(db, scope, { status: 'active' }, { page: 1, pageSize: 5 }),
    listTickets(db, scope, { status: 'active' }, { page: 1, pageSize: 5 }, now),
    listTickets(db, scope, { overdue: true }, { page: 1, pageSize: 1 }, now),
    listCurtailmentEvents(db, scope, {}, 50),
    getTranslations('Dashboard.work'),
  ]);
  const today = events.filter((e) => now.getTime() - e.createdAt.getTime() < DAY_MS);
  const running = today.filter((e) => e.status !== 'completed').length;
  const n = (v: number) => formatNumber(v, locale);
  return (
    <>
      <div className="mt-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t('alerts')} value={n(alerts.total)} tone={alerts.total ? 'warn' : 'ok'} />
        <StatCard label={t('tickets')} value={n(tickets.total)} hint={t('overdue', { n: n(overdue.total) })} tone={overdue.total ? 'bad' : undefined} />
        <StatCard label={t('curtailments24h')} value={n(today.length)} hint={t('running', { n: n(running) })} />
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Card title={t('newestAlerts')}>
          {alerts.rows.length === 0 ? (
            <p className="text-sm text-muted">{t('noAlerts')}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {alerts.rows.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-2">
                  <Badge tone={a.severity === 'critical' ? 'bad' : 'warn'}>{a.ruleName}</Badge>
                  <Link href={`/hosting/devices/${a.minerId}`} className="text-accent hover:underline">
                    {a.minerName}
                  </Link>
                  <span className="text-xs text-muted">
                    {a.siteName} · {formatDateTime(a.openedAt, locale, 'UTC', { zone: true })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Link href="/hosting/edge" className="mt-3 inline-block text-sm text-accent hover:underline">
            {t('allAlerts')}
          </Link>
        </Card>
        <Card title={t('activeTickets')}>
          {tickets.rows.length === 0 ? (
            <p className="text-sm text-muted">{t('noTickets')}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {tickets.rows.map((x) => (
                <li key={x.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/hosting/tickets/${x.id}`} className="text-accent hover:underline">
                    {x.title}
                  </Link>
                  <span className="text-xs text-muted">{x.slaDueAt && x.slaDueAt < now ? t('pastSla') : formatDateTime(x.createdAt, locale, 'UTC', { zone: true })}</span>
                </li>
              ))}
            </ul>
          )}
          <Link href="/hosting/tickets" className="mt-3 inline-block text-sm text-accent hover:underline">
            {t('allTickets')}
          </Link>
        </Card>
      </div>
    </>
  );
}
