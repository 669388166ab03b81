import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { listTickets } from '@/db/queries/hosting/tickets';
import type { Scope } from '@/lib/core/scope';
import { Link } from '@/lib/i18n/navigation';

/** The customer's open tickets (the ticket scope limits a CLIENT to its own), with a way to the full list. */
export async function PortalTickets({ scope, supportEmail }: { scope: Scope; supportEmail: string | null }) {
  const now = new Date();
  const [page, t, format] = await Promise.all([listTickets(await getDb(), scope, { status: 'active' }, { page: 1, pageSize: 5 }, now), getTranslations('Portal'), getFormatter()]);
  return (
    <Card title={t('tickets')} className="mt-6">
      {page.total === 0 ? (
        <p className="text-sm text-muted">{t('noTickets')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {page.rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/hosting/tickets/${row.id}`} className="min-w-0 truncate text-accent hover:underline">
                #{row.number} {row.title}
              </Link>
              <span className="flex items-center gap-2 text-xs text-muted">
                {row.slaDueAt && row.slaDueAt < now ? <Badge tone="bad">{t('overdue')}</Badge> : null}
                {format.dateTime(row.createdAt, { dateStyle: 'medium' })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <Link href="/hosting/tickets" className="text-accent hover:underline">
          {t('allTickets', { count: page.total })}
        </Link>
        {supportEmail ? (
          <a href={`mailto:${supportEmail}`} className="text-muted hover:text-ink">
            {t('support', { email: supportEmail })}
          </a>
        ) : null}
      </div>
    </Card>
  );
}
