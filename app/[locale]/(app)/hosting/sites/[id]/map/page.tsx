import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LayoutImport } from '@/components/hosting/layout-import';
import { RackMap, type RackMapRoom } from '@/components/hosting/rack-map';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getRackMap } from '@/db/queries/hosting/rack-map';
import { can } from '@/lib/auth/permissions';
import { DEFAULT_LAYOUT_PATTERN, efficiencyJPerTh, layoutFleet, MAP_BANDS, MAP_METRICS, mapBand, type MapMetric, type MapReading, parseLayoutPattern, placeFleet } from '@/lib/domain/hosting/rack-layout';
import { formatHashrate, formatNumber } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ItemPageProps, openItemPage } from '@/lib/list/open-item-page';
import { LayoutPatternForm } from './_components/layout-pattern-form';

export const generateMetadata = pageTitle('rackMap');

type Props = ItemPageProps & { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A site's rack map: the layout imported from CSV when the site has one, else read from the miners'
 * names with the operator's pattern (?pattern=, the demo farm's naming by default); each position
 * coloured by the chosen metric — the measured state, chip temperature, hashrate against nominal or
 * J/TH. Same page guard and scope as the site list: an unknown or out-of-scope site is a 404, a
 * CLIENT sees its own miners only.
 */
export default async function RackMapPage(props: Props) {
  const { locale, id, actor } = await openItemPage(props, 'hosting:site_management');
  const sp = await props.searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const by = one(sp.by);
  const initialMetric: MapMetric = (MAP_METRICS as readonly string[]).includes(by ?? '') ? (by as MapMetric) : 'status';

  const [data, t, tState] = await Promise.all([getRackMap(await getDb(), actor.scope, id), getTranslations('RackMap'), getTranslations('Measured')]);
  if (!data) notFound();
  const imported = data.site.layout === 'imported';
  const patternText = (one(sp.pattern) ?? data.site.layoutPattern ?? DEFAULT_LAYOUT_PATTERN).slice(0, 500);
  const canSave = can(actor.role, 'hosting:site_management', 'FULL');
  const parsed = parseLayoutPattern(patternText);
  const total = data.ids.length;

  let body: React.ReactNode;
  if (total === 0) body = <EmptyState title={t('empty')} />;
  else if (!imported && !parsed.ok) body = null;
  else {
    const { rooms, unplaced } = data.places ? placeFleet(data.places) : parsed.ok ? layoutFleet(parsed.pattern, data.names) : { rooms: [], unplaced: [] };
    const readings: MapReading[] = data.ids.map((_, i) => ({
      state: data.state[i]!,
      chipC: data.chipC[i] ?? null,
      hashrateThs: data.hashrateThs[i] ?? null,
      nominalThs: data.nominalThs[i] ?? null,
      powerW: data.powerW[i] ?? null,
    }));
    const bands = Object.fromEntries(MAP_METRICS.map((m) => [m, readings.map((r) => (MAP_BANDS[m] as readonly string[]).indexOf(mapBand(m, r)))])) as Record<MapMetric, number[]>;
    const readouts = readings.map((r) => {
      const j = efficiencyJPerTh(r);
      return t('readout', {
        state: tState(`state.${r.state}`),
        chip: tState('celsius', { value: formatNumber(r.chipC, locale, { digits: 1 }) }),
        hashrate: formatHashrate(r.hashrateThs, locale),
        nominal: formatHashrate(r.nominalThs, locale),
        efficiency: t('jPerTh', { value: formatNumber(j, locale, { digits: 1 }) }),
      });
    });
    const roomsProp: RackMapRoom[] = rooms.map((room) => ({
      room: room.room,
      racks: room.racks.map((r) => ({ key: r.key, row: r.row, rack: r.rack, slots: r.slots, cells: r.cells.map((c) => [c.slot, c.index] as [number, number]) })),
    }));
    body = (
      <>
        <p className="text-sm text-muted">{t('placed', { placed: formatNumber(total - unplaced.length, locale), total: formatNumber(total, locale) })}</p>
        {roomsProp.length === 0 ? (
          <EmptyState title={t('nothingPlaced')} />
        ) : (
          <RackMap rooms={roomsProp} ids={data.ids} names={data.names} bands={bands} readouts={readouts} initialMetric={initialMetric} />
        )}
        {unplaced.length > 0 && (
          <details className="rounded-md border border-line p-3 text-sm">
            <summary className="cursor-pointer">{t(imported ? 'unplacedImported' : 'unplaced', { count: formatNumber(unplaced.length, locale) })}</summary>
            <ul className="mt-2 flex flex-wrap gap-2 font-mono text-xs">
              {unplaced.slice(0, 500).map((i) => (
                <li key={data.ids[i]}>
                  <Link href={`/hosting/devices/${data.ids[i]}`} className="text-accent hover:underline">
                    {data.names[i]}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('title', { name: data.site.name })} subtitle={imported ? t('layoutImported', { count: formatNumber(data.site.importedPositions, locale) }) : t('layoutPattern')} />
      {canSave && (
        <div className="mb-4">
          <LayoutImport siteId={data.site.id} imported={imported} />
        </div>
      )}
      {!imported && <LayoutPatternForm siteId={data.site.id} locale={locale} patternText={patternText} metric={by ? initialMetric : null} canSave={canSave} saved={Boolean(one(sp.saved))} saveError={Boolean(one(sp.saveError))} />}
      {body}
    </>
  );
}
