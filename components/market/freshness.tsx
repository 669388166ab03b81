import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import type { NetworkSnapshot } from '@/lib/domain/mining/network';
import { asOfText } from './as-of-text';

/**
 * How old market figures are and where they came from: "Current · …" under 15 minutes, else
 * "As of <date> · <source>". `now` is the render time (passed in by tests).
 */
export async function Freshness({ snapshot, locale, now = new Date() }: { snapshot: Pick<NetworkSnapshot, 'asOf' | 'sources'>; locale: string; now?: Date }) {
  const t = await getTranslations('Market');
  const label = asOfText(t as never, { asOf: snapshot.asOf, sources: snapshot.sources, locale, now });
  return (
    <span data-testid="freshness" data-current={label.current}>
      <Badge tone={label.current ? 'ok' : 'warn'}>{label.text}</Badge>
    </span>
  );
}

/** The same label for one figure with its own time and source (e.g. a history day). */
export async function AsOf({ asOf, source, locale, now = new Date() }: { asOf: string; source: string; locale: string; now?: Date }) {
  const t = await getTranslations('Market');
  const label = asOfText(t as never, { asOf, sources: source, locale, now });
  return (
    <span className="text-xs text-muted" data-testid="as-of" data-current={label.current}>
      {label.text}
    </span>
  );
}
