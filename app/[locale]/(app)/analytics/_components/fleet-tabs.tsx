import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { Range } from '@/lib/integrations/market/analytics';

export const FLEETS = ['org', 'personal'] as const;
export type Fleet = (typeof FLEETS)[number];

/** Which fleet the "per day" figures are for: the organization's measured one, or the user's own typed one. */
export async function FleetTabs({ current, range, fleets }: { current: Fleet; range: Range; fleets: readonly Fleet[] }) {
  const t = await getTranslations('Analytics');
  if (fleets.length < 2) return null;
  return (
    <nav aria-label={t('fleetChoice')} className="mb-2 flex w-fit gap-1 rounded-md border border-line bg-surface p-1">
      {fleets.map((f) => (
        <Link key={f} href={{ pathname: '/analytics', query: { range, fleet: f } }} aria-current={f === current ? 'page' : undefined} className={`rounded px-3 py-1 text-sm ${f === current ? 'bg-accent-soft text-accent' : 'text-muted hover:text-ink'}`}>
          {t(`fleets.${f}`)}
        </Link>
      ))}
    </nav>
  );
}
