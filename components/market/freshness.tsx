import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { formatDateTime } from '@/lib/format';

/** Says where the figures come from and how old they are: live, cached, stale or the bundled snapshot. */
export async function Freshness({ snapshot, locale }: { snapshot: Pick<NetworkSnapshot, 'origin' | 'stale' | 'asOf'>; locale: string }) {
  const t = await getTranslations('Market');
  const when = formatDateTime(snapshot.asOf, locale, 'UTC', { zone: true });
  if (snapshot.origin === 'bundled') return <Badge tone="warn">{t('freshness.bundled', { when })}</Badge>;
  if (snapshot.stale) return <Badge tone="warn">{t('freshness.stale', { when })}</Badge>;
  return <Badge tone="ok">{t(snapshot.origin === 'live' ? 'freshness.live' : 'freshness.cached', { when })}</Badge>;
}
