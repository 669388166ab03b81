import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { PowerAlertRow } from '@/db/queries/power/alerts';
import { formatDateTime } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { alertDetail } from './alert-detail';

/** The newest power alerts, with a link to all of them when there are more. */
export async function AlertsList({ alerts, total, locale }: { alerts: PowerAlertRow[]; total: number; locale: string }) {
  const t = await getTranslations('Power');
  if (!alerts.length) return <p className="text-sm text-muted">{t('noAlerts')}</p>;
  return (
    <>
      <ul className="space-y-3 text-sm">
        {alerts.map((a) => (
          <li key={a.id} className="flex flex-col gap-1">
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={a.severity === 'critical' ? 'bad' : a.severity === 'warning' ? 'warn' : 'muted'}>{a.site}</Badge>
              <span>{t(`alert.${a.kind}`)}</span>
              <span className="text-xs text-muted">{formatDateTime(a.raisedAt, locale, a.timeZone, { zone: true })}</span>
            </span>
            <span className="text-xs text-muted">{alertDetail(t, a, locale)}</span>
          </li>
        ))}
      </ul>
      <Link href="/power/alerts" className="mt-3 inline-block text-sm text-accent hover:underline">
        {t('alertsPage.all', { count: total })}
      </Link>
    </>
  );
}
