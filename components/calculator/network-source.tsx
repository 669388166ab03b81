'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';

/** Where the default network values came from and when: never shown without its date, and labelled when stale. */
export function NetworkSource({ snapshot }: { snapshot: NetworkSnapshot }) {
  const t = useTranslations('Calculator');
  const format = useFormatter();
  const sources = [...new Set(Object.values(snapshot.sources))].join(', ');
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted" data-testid="network-source">
      <Badge tone={snapshot.origin === 'live' ? 'ok' : snapshot.origin === 'cache' ? 'accent' : 'muted'}>{t(`origin.${snapshot.origin}`)}</Badge>
      {snapshot.stale ? <Badge tone="warn">{t('stale')}</Badge> : null}
      <span>{t('asOf', { date: format.dateTime(new Date(snapshot.asOf), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) })}</span>
      <span>· {t('sources', { sources })}</span>
    </div>
  );
}
