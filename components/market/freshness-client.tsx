'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { asOfText } from './as-of-text';

/** The Freshness badge for client components (the calculator): the same rule and wording. */
export function FreshnessBadge({ snapshot }: { snapshot: Pick<NetworkSnapshot, 'asOf' | 'sources'> }) {
  const t = useTranslations('Market');
  const locale = useLocale();
  const label = asOfText(t as never, { asOf: snapshot.asOf, sources: snapshot.sources, locale, now: new Date() });
  return (
    <span data-testid="freshness" data-current={label.current} suppressHydrationWarning>
      <Badge tone={label.current ? 'ok' : 'warn'}>{label.text}</Badge>
    </span>
  );
}
