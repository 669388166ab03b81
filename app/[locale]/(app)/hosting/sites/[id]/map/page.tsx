import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { RackMap, type RackMapRoom } from '@/components/hosting/rack-map';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getRackMap } from '@/db/queries/hosting/rack-map';
import { saveLayoutPatternAction } from '@/lib/actions/hosting/save-layout-pattern';
import { can } from '@/lib/auth/permissions';
import { DEFAULT_LAYOUT_PATTERN, layoutFleet, MAP_BANDS, MAP_METRICS, mapBand, type MapMetric, parseLayoutPattern } from '@/lib/domain/hosting/rack-layout';
import { formatHashrate, formatNumber } from '@/lib/format';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ItemPageProps, openItemPage } from '@/lib/list/open-item-page';

export const generateMetadata = pageTitle('rackMap');

type Props = ItemPageProps & { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A site's rack map: the layout is read from the miners' names with the operator's pattern (?pattern=,
 * the demo farm's naming by default), each position coloured by the chosen metric. Same page guard and
 * scope as the site list: an unknown or out-of-scope site is a 404, a CLIENT sees its own miners only.
 */
export default async function RackMapPage(props: Props) {
  const { locale, id, actor } = await openItemPage(props, 'hosting:site_management');
  const sp = await props.searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const by = one(sp.by);
  const initialMetric: MapMetric = (MAP_METRICS as readonly string[]).includes(by ?? '') ? (by as MapMetric) : 'status';

  const [data, t, tStatus] = await Promise.all([getRackMap(await getDb(), actor.scope, id), getTranslations('RackMap'), getTranslations('Status')]);
  if (!data) notFound();
  const patternText = (one(sp.pattern) ?? data.site.layoutPattern ?? DEFAULT_LAYOUT_PATTERN).slice(0, 500);
  const canSave = can(actor.role, 'hosting:site_management', 'FULL');
  const saveError = one(sp.saveError);
  const parsed = parseLayoutPattern(patternText);
  const total = data.ids.length;

  let body: React.ReactNode;
  if (total === 0) body = <EmptyState title={t('empty')} />;
  else if (!parsed.ok) body = null;
  else {
    const { rooms, unplaced } = layoutFleet(parsed.pattern, data.names);
    const readings = data.ids.map((_, i) => ({
      adminStatus: data.status[i]!,
      ageS: data.ageS[i] ?? null,
      online: data.online[i] ?? null,
      chipC: data.chipC[i] ?? null,
      hashrateThs: data.hashrateThs[i] ?? null,
      nominalThs: data.nominalThs[i] ?? null,
    }));
    const bands = Object.fromEntries(MAP_METRICS.map((m) => [m, readings.map((r) => (MAP_BANDS[m] as readonly string[]).indexOf(mapBand(m, r)))])) as Record<MapMetric, number[]>;
    const readouts = readings.map((r) => [tStatus(r.adminStatus), r.chipC === null ? '— °C' : `${formatNumber(r.chipC, locale)} °C`, `${formatHashrate(r.hashrateThs, locale)} / ${formatHashrate(r.nominalThs, locale)}`].join(' · '));
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
            <summary className="cursor-pointer">{t('unplaced', { count: formatNumber(unplaced.length, locale) })}</summary>
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
      <PageHeader title={t('title', { name: data.site.name })} subtitle={t('csvLater')} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
          <span>{t('pattern')}</span>
          <input
            name="pattern"
            defaultValue={patternText}
            maxLength={500}
            aria-invalid={!parsed.ok}
            aria-describedby="pattern-hint"
            className="rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm"
          />
        </label>
        {by && <input type="hidden" name="by" value={initialMetric} />}
        <button type="submit" className={buttonClass()}>
          {t('apply')}
        </button>
        {canSave && (
          <>
            <input type="hidden" name="siteId" value={data.site.id} />
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" formAction={saveLayoutPatternAction} className={buttonClass('secondary')}>
              {t('save')}
            </button>
          </>
        )}
        <p id="pattern-hint" className="w-full text-xs text-muted">
          {t('patternHint', { example: DEFAULT_LAYOUT_PATTERN })}
        </p>
        {one(sp.saved) && <p role="status" className="w-full text-sm text-ok">{t('saved')}</p>}
        {saveError && parsed.ok && <p role="alert" className="w-full text-sm text-bad">{t('saveFailed')}</p>}
        {!parsed.ok && (
          <p role="alert" className="w-full text-sm text-bad">
            {t(`patternErrors.${parsed.error.code}`, 'token' in parsed.error ? { token: `{${parsed.error.token}}` } : 'first' in parsed.error ? { first: `{${parsed.error.first}}`, second: `{${parsed.error.second}}` } : 'max' in parsed.error ? { max: parsed.error.max } : {})}
          </p>
        )}
      </form>
      {body}
    </>
  );
}
