'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState, type MouseEvent, type PointerEvent } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { MAP_BANDS, MAP_METRICS, type MapMetric } from '@/lib/domain/hosting/rack-layout';

/** A rack as the server laid it out: positions as [slot, miner index] pairs. */
export type RackMapRack = { key: string; row: number | null; rack: number; slots: number; cells: [number, number][] };
export type RackMapRoom = { room: string; racks: RackMapRack[] };

export type RackMapProps = {
  rooms: RackMapRoom[];
  ids: string[];
  names: string[];
  /** Per metric, the band index (into MAP_BANDS[metric]) of each miner. */
  bands: Record<MapMetric, number[]>;
  /** Short readout per miner (status, chip °C, TH/s), already formatted by the server. */
  readouts: string[];
  initialMetric: MapMetric;
};

const COLOURS: Record<string, string> = {
  online: '#34d399',
  full: '#34d399',
  cool: '#34d399',
  stale: '#eab308',
  warm: '#eab308',
  low: '#eab308',
  hot: '#f97316',
  poor: '#f97316',
  offline: '#ef4444',
  critical: '#ef4444',
  zero: '#ef4444',
  maintenance: '#3b82f6',
  noData: '#4b5563',
};

const CELL = 14;
const GAP = 2;
const COLS = 8;

/**
 * One SVG per rack, one <rect> per position, and one click and one pointer handler for the whole map
 * (event delegation through data-i): 6,000 positions are 6,000 plain elements, not 6,000 components.
 */
export function RackMap({ rooms, ids, names, bands, readouts, initialMetric }: RackMapProps) {
  const t = useTranslations('RackMap');
  const router = useRouter();
  const [metric, setMetric] = useState<MapMetric>(initialMetric);
  const [hover, setHover] = useState<number | null>(null);
  const legend = MAP_BANDS[metric];
  const fills = useMemo(() => bands[metric].map((b) => COLOURS[legend[b] ?? 'noData'] ?? COLOURS.noData), [bands, metric, legend]);

  const indexOf = (target: EventTarget) => {
    const el = (target as Element).closest?.('[data-i]');
    return el ? Number(el.getAttribute('data-i')) : null;
  };
  const onClick = useCallback(
    (e: MouseEvent) => {
      const i = indexOf(e.target);
      if (i !== null && ids[i]) router.push(`/hosting/devices/${ids[i]}`);
    },
    [ids, router],
  );
  const onPointer = useCallback((e: PointerEvent) => setHover(indexOf(e.target)), []);

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
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label={t(`metrics.${metric}`)}>
        {legend.map((band) => (
          <li key={band} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: COLOURS[band] }} />
            {t(`bands.${metric}.${band}`)}
          </li>
        ))}
      </ul>
      {rooms.length > 1 && (
        <nav aria-label={t('rooms')} className="sticky top-0 z-10 -mx-1 flex gap-2 overflow-x-auto bg-bg/95 px-1 py-2">
          {rooms.map((r) => (
            <a key={r.room} href={`#room-${r.room}`} className="shrink-0 rounded-md border border-line px-3 py-1 text-sm hover:border-accent">
              {r.room || t('noRoom')}
            </a>
          ))}
        </nav>
      )}
      <p className="min-h-5 font-mono text-xs text-muted" aria-live="polite">
        {hover !== null && names[hover] ? `${names[hover]} · ${readouts[hover]}` : t('hoverHint')}
      </p>
      <div onClick={onClick} onPointerOver={onPointer} className="space-y-6">
        {rooms.map((room) => (
          <section key={room.room} id={`room-${room.room}`} className="scroll-mt-14">
            <h2 className="mb-2 text-sm font-semibold">{room.room ? t('room', { room: room.room }) : t('noRoom')}</h2>
            <div className="flex flex-wrap gap-3">
              {room.racks.map((rack) => {
                const cols = Math.min(COLS, Math.max(1, rack.slots));
                const rowsN = Math.ceil(rack.slots / cols);
                const label = rack.row === null ? t('rack', { rack: rack.rack }) : t('rowRack', { row: rack.row, rack: rack.rack });
                return (
                  <figure key={rack.key} className="rounded-md border border-line p-1.5">
                    <figcaption className="mb-1 text-[10px] text-muted">{label}</figcaption>
                    <svg width={cols * (CELL + GAP)} height={rowsN * (CELL + GAP)} role="img" aria-label={label} className="cursor-pointer">
                      {rack.cells.map(([slot, i]) => (
                        <rect key={slot} data-i={i} x={((slot - 1) % cols) * (CELL + GAP)} y={Math.floor((slot - 1) / cols) * (CELL + GAP)} width={CELL} height={CELL} rx={2} fill={fills[i]} />
                      ))}
                    </svg>
                  </figure>
                );
              })}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
