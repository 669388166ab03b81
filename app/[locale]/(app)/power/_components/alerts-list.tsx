import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { PowerAlert } from '@/lib/domain/power/alerts';

export async function AlertsList({ alerts, names }: { alerts: PowerAlert[]; names: Map<string, string> }) {
  const t = await getTranslations('Power');
  if (!alerts.length) return <p className="text-sm text-muted">{t('noAlerts')}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {alerts.map((a) => (
        <li key={`${a.siteId}-${a.kind}`} className="flex flex-wrap items-center gap-2">
          <Badge tone={a.severity === 'critical' ? 'bad' : a.severity === 'warning' ? 'warn' : 'muted'}>{names.get(a.siteId) ?? a.siteId}</Badge>
          <span>{t(`alert.${a.kind}`)}</span>
        </li>
      ))}
    </ul>
  );
}
