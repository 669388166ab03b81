import { useLocale, useTranslations } from 'next-intl';
import type { FleetFigures } from '@/db/queries/hosting/fleet-columns';
import { formatDateTime, formatPercent } from '@/lib/format';

/*
 * Where a fleet's summed hashrate or power came from — each source's share — and how old its
 * oldest reading is, under the one figure that shows it (KPI, dashboard, portal, analytics).
 */

const share = (part: number, whole: number, locale: string) => formatPercent(whole ? (100 * part) / whole : null, locale, { digits: 0 });

function oldest(f: Pick<FleetFigures, 'oldestTelemetryAt' | 'oldestPoolAt'>): Date | null {
  const at = [f.oldestTelemetryAt, f.oldestPoolAt].filter((d): d is Date => d !== null);
  return at.length ? new Date(Math.min(...at.map((d) => d.getTime()))) : null;
}

export function HashrateSources({ figures }: { figures: Pick<FleetFigures, 'activeThs' | 'thsBySource' | 'oldestTelemetryAt' | 'oldestPoolAt'> }) {
  const [t, locale] = [useTranslations('Measured'), useLocale()];
  const s = figures.thsBySource;
  const at = oldest(figures);
  return (
    <span data-testid="hashrate-sources">
      {t('hashrateSources', { telemetry: share(s.telemetry, figures.activeThs, locale), pool: share(s.pool, figures.activeThs, locale), nameplate: share(s.nameplate, figures.activeThs, locale) })}
      {at ? ` · ${t('oldestReading', { at: formatDateTime(at, locale, 'UTC', { zone: true }) })}` : null}
    </span>
  );
}

export function PowerSources({ figures }: { figures: Pick<FleetFigures, 'activeKw' | 'kwBySource'> }) {
  const [t, locale] = [useTranslations('Measured'), useLocale()];
  const s = figures.kwBySource;
  return <span data-testid="power-sources">{t('powerSources', { telemetry: share(s.telemetry, figures.activeKw, locale), nameplate: share(s.nameplate, figures.activeKw, locale) })}</span>;
}
