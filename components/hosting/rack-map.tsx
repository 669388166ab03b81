'use client';

import { useTranslations } from 'next-intl';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { MAP_BANDS, MAP_METRICS, type MapMetric } from '@/lib/domain/hosting/rack-layout';
import { rackNav } from './rack-map-nav';

/** A rack as the server laid it out: positions as [slot, miner index] pairs. */
export type RackMapRack = { key: string; row: number | null; rack: number; slots: number; cells: [number, number][] };
export type RackMapRoom = { room: string; racks: RackMapRack[] };

export type RackMapProps = {
  rooms: RackMapRoom[];
  ids: string[];
  names: string[];
  /** Per metric, the band index (into MAP_BANDS[metric]) of each miner. */
  bands: Record<MapMetric, number[]>;
  /** Short readout per miner (state, chip °C, TH/s, J/TH), already formatted by the server. */
  readouts: string[];
  initialMetric: MapMetric;
};

const GREEN = '#34d399';
const LIME = '#a3e635';
const YELLOW = '#eab308';
const ORANGE = '#f97316';
const RED = '#ef4444';
const BLUE = '#3b82f6';
const GREY = '#4b5563';

const COLOURS: { [M in MapMetric]: Record<(typeof MAP_BANDS)[M][number], string> } = {
  status: { online: GREEN, overheating: ORANGE, sleeping: BLUE, offline: RED, unknown: GREY },
  temp: { cool: GREEN, warm: YELLOW, hot: ORANGE, critical: RED, noData: GREY },
  hashrate: { full: GREEN, low: YELLOW, poor: ORANGE, zero: RED, noData: GREY },
  efficiency: { best: GREEN, good: LIME, fair: YELLOW, poor: ORANGE, noData: GREY },
};
const colourOf = (metric: MapMetric, band: number) => (Object.values(COLOURS[metric]) as string[])[band] ?? GREY;

/** Each position carries its band under every metric (data-status…); the map's data-metric picks which one colours it. */
const ATTR: Record<MapMetric, string> = { status: 'data-status', temp: 'data-temp', hashrate: 'data-hashrate', efficiency: 'data-efficiency' };
const COLOUR_RULES = MAP_METRICS.flatMap((m) =>
  (Object.values(COLOURS[m]) as string[]).map((c, band) => `[data-metric="${m}"] rect[${ATTR[m]}="${band}"]{fill:${c}}`),
).join('');

/** Position size in CSS pixels, smallest to largest; 14 is the default. */
const SIZES = [6, 9, 14, 20, 28] as const;
const CELL = 14;
const GAP = 2;
const COLS = 8;

type RackProps = {
  rack: RackMapRack;
  label: string;
  bands: Record<MapMetric, number[]>;
  size: number;
  /** The roving-tabindex position if it is in this rack, else -1 (so other racks keep their render). */
  active: number;
  labelOf: (index: number, rackLabel: string, slot: number) => string;
};

/**
 * One rack: an SVG of plain <rect>s, re-drawn only when its size or focused position changes. The
 * colour comes from CSS (COLOUR_RULES), so switching the metric re-renders no rack at all.
 */
const Rack = memo(function Rack({ rack, label, bands, size, active, labelOf }: RackProps) {
  const cols = Math.min(COLS, Math.max(1, rack.slots));
  const lines = Math.ceil(rack.slots / cols);
  const pitch = CELL + GAP;
  const scale = size / CELL;
  return (
    <figure className="rounded-md border border-line p-1.5">
      <figcaption className="mb-1 text-[10px] text-muted">{label}</figcaption>
      <svg width={cols * pitch * scale} height={lines * pitch * scale} viewBox={`0 0 ${cols * pitch} ${lines * pitch}`} role="group" aria-label={label} className="cursor-pointer overflow-visible">
        {rack.cells.map(([slot, i]) => (
          <rect
            key={slot}
            data-i={i}
            role="button"
            tabIndex={i === active ? 0 : -1}
            aria-label={labelOf(i, label, slot)}
            x={((slot - 1) % cols) * pitch}
            y={Math.floor((slot - 1) / cols) * pitch}
            width={CELL}
            height={CELL}
            rx={2}
            fill={GREY}
            data-status={bands.status[i]}
            data-temp={bands.temp[i]}
            data-hashrate={bands.hashrate[i]}
            data-efficiency={bands.efficiency[i]}
            className="outline-none focus:stroke-ink focus:[stroke-width:2.5px]"
          />
        ))}
      </svg>
    </figure>
  );
});

const indexOf = (target: EventTarget) => {
  const el = (target as Element).closest?.('[data-i]');
  return el ? Number(el.getAttribute('data-i')) : null;
};

/**
 * The rack map: one SVG per rack, one <rect> per position, one handler of each kind for the whole map
 * (event delegation through data-i). 6,000 positions are 6,000 plain elements in ~300 memoised racks:
 * pointing or focusing re-renders a rack or two, zooming only the racks' sizes, and a metric switch
 * changes one attribute (colours are CSS rules keyed by each position's band under every metric). Keyboard: a roving tabindex
 * (components/hosting/rack-map-nav.ts), Enter opens the miner. Touch: the first tap on a position
 * shows its readout, a second opens the miner.
 */
export function RackMap({ rooms, ids, names, bands, readouts, initialMetric }: RackMapProps) {
  const t = useTranslations('RackMap');
  const router = useRouter();
  const [metric, setMetric] = useState<MapMetric>(initialMetric);
  const [sizeAt, setSizeAt] = useState(2);
  const [roomShown, setRoomShown] = useState<string | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [active, setActive] = useState<number>(-1);
  const [focused, setFocused] = useState(false);
  const mapRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef(false);
  const touch = useRef(false);
  /** On a touch screen: the position the last tap chose (a second tap on it opens the miner). */
  const tapped = useRef<number | null>(null);

  const shown = useMemo(() => (roomShown === null ? rooms : rooms.filter((r) => r.room === roomShown)), [rooms, roomShown]);
  const nav = useMemo(() => rackNav(shown.flatMap((r) => r.racks), COLS), [shown]);
  const rackOf = useMemo(() => new Map(shown.flatMap((r) => r.racks.flatMap((k) => k.cells.map(([, i]) => [i, k.key] as const)))), [shown]);
  const current = rackOf.has(active) ? active : (nav.order[0] ?? -1);
  const currentRack = rackOf.get(current);

  const legend = MAP_BANDS[metric] as readonly string[];
  const counts = useMemo(() => {
    const c = legend.map(() => 0);
    for (const i of nav.order) c[bands[metric][i]!]!++;
    return c;
  }, [legend, nav, bands, metric]);
  const bandText = useMemo(() => legend.map((b) => t(`bands.${metric}.${b}` as 'bands.status.online')), [legend, metric, t]);
  // Metric-free (the readout names the state and every figure), so a metric switch keeps every rack's render.
  const labelOf = useCallback((i: number, rackLabel: string, slot: number) => t('positionLabel', { name: names[i] ?? '', place: t('place', { rack: rackLabel, slot }), readout: readouts[i] ?? '' }), [t, names, readouts]);

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    mapRef.current?.querySelector<SVGElement>(`[data-i="${current}"]`)?.focus();
  }, [current]);

  const open = useCallback((i: number) => ids[i] && router.push(`/hosting/devices/${ids[i]}`), [ids, router]);
  const onClick = useCallback(
    (e: MouseEvent) => {
      const i = indexOf(e.target);
      if (i === null) return;
      // On a touch screen there is no pointing: the first tap reads the position, the second opens it.
      if (touch.current && tapped.current !== i) {
        tapped.current = i;
        return setActive(i);
      }
      open(i);
    },
    [open],
  );
  const onKeyDown = (e: KeyboardEvent) => {
    const i = indexOf(e.target);
    if (i === null) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      return void open(i);
    }
    const next = nav.move(i, e.key);
    if (next === null) return;
    e.preventDefault();
    focusNext.current = true;
    setActive(next);
  };
  const onFocus = (e: React.FocusEvent) => {
    const i = indexOf(e.target);
    setFocused(i !== null);
    if (i !== null && i !== current) setActive(i);
  };
  const onPointer = useCallback((e: PointerEvent) => {
    touch.current = e.pointerType === 'touch';
    setHover(indexOf(e.target));
  }, []);


  const rackLabel = (r: RackMapRack) => (r.row === null ? t('rack', { rack: r.rack }) : t('rowRack', { row: r.row, rack: r.rack }));
  const read = hover ?? (focused || touch.current ? current : null);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2" role="radiogroup" aria-label={t('colourBy')}>
        <span className="text-sm text-muted">{t('colourBy')}</span>
        {MAP_METRICS.map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={metric === m}
            onClick={() => setMetric(m)}
            className={`rounded-md border px-3 py-1.5 text-sm ${metric === m ? 'border-accent bg-accent-soft text-accent' : 'border-line text-muted hover:text-ink'}`}
          >
            {t(`metrics.${m}`)}
          </button>
        ))}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label={t(`metrics.${metric}`)} data-testid="rack-map-legend">
        {legend.map((band, k) => (
          <li key={band} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: colourOf(metric, k) }} />
            {t('legendCount', { label: bandText[k] ?? band, count: counts[k] ?? 0 })}
          </li>
        ))}
      </ul>
      <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center gap-2 bg-bg/95 px-1 py-2">
        {rooms.length > 1 && (
          <label className="flex items-center gap-2 text-sm">
            <span className="text-muted">{t('showRoom')}</span>
            <select value={roomShown ?? ''} onChange={(e) => setRoomShown(e.target.value === '' ? null : e.target.value)} className="rounded-md border border-line bg-surface px-2 py-1">
              <option value="">{t('allRooms')}</option>
              {rooms.map((r) => (
                <option key={r.room} value={r.room}>
                  {r.room ? t('room', { room: r.room }) : t('noRoom')}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="ml-auto flex items-center gap-1" role="group" aria-label={t('zoom')}>
          <button type="button" onClick={() => setSizeAt((s) => Math.max(0, s - 1))} disabled={sizeAt === 0} aria-label={t('zoomOut')} className="h-8 w-8 rounded-md border border-line text-lg disabled:opacity-40">
            −
          </button>
          <button type="button" onClick={() => setSizeAt((s) => Math.min(SIZES.length - 1, s + 1))} disabled={sizeAt === SIZES.length - 1} aria-label={t('zoomIn')} className="h-8 w-8 rounded-md border border-line text-lg disabled:opacity-40">
            +
          </button>
        </div>
        <p className="w-full truncate font-mono text-xs text-muted" data-testid="rack-map-readout">
          {read !== null && names[read] ? `${names[read]} · ${readouts[read]}` : t('hoverHint')}
        </p>
      </div>
      <p className="text-xs text-muted">{t('keyboardHint')}</p>
      <style>{COLOUR_RULES}</style>
      <div ref={mapRef} data-metric={metric} onClick={onClick} onKeyDown={onKeyDown} onFocus={onFocus} onBlur={() => setFocused(false)} onPointerOver={onPointer} onPointerDown={onPointer} onPointerLeave={() => setHover(null)} className="space-y-6">
        {shown.map((room) => (
          <section key={room.room} aria-label={room.room ? t('room', { room: room.room }) : t('noRoom')}>
            <h2 className="mb-2 text-sm font-semibold">{room.room ? t('room', { room: room.room }) : t('noRoom')}</h2>
            <div className="flex flex-wrap gap-3">
              {room.racks.map((rack) => (
                <Rack key={rack.key} rack={rack} label={rackLabel(rack)} bands={bands} size={SIZES[sizeAt]!} active={rack.key === currentRack ? current : -1} labelOf={labelOf} />
              ))}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
