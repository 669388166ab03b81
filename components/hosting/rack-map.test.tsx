import { NextIntlClientProvider } from 'next-intl';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { MAP_METRICS, type MapMetric } from '@/lib/domain/hosting/rack-layout';
import en from '@/messages/en.json';
import { RackMap, type RackMapRoom } from './rack-map';

// The router needs Next's app context; the server render never navigates.
vi.mock('@/lib/i18n/navigation', () => ({ useRouter: () => ({ push: () => {} }) }));

/** A site of 6,000 positions: 2 rooms × 15 racks × 20 positions × 10 rows. */
function farm() {
  const rooms: RackMapRoom[] = [];
  const names: string[] = [];
  for (const room of ['A', 'B'])
    for (let row = 1; row <= 10; row++) {
      const racks = [];
      for (let rack = 1; rack <= 15; rack++) {
        const cells: [number, number][] = [];
        for (let slot = 1; slot <= 20; slot++) {
          cells.push([slot, names.length]);
          names.push(`${room}-R${row}-K${rack}-${slot}`);
        }
        racks.push({ key: `${room}|${row}|${rack}`, row, rack, slots: 20, cells });
      }
      const existing = rooms.find((r) => r.room === room);
      if (existing) existing.racks.push(...racks);
      else rooms.push({ room, racks });
    }
  const bands = Object.fromEntries(MAP_METRICS.map((m) => [m, names.map((_, i) => i % 5)])) as Record<MapMetric, number[]>;
  return { rooms, names, ids: names.map((_, i) => `id-${i}`), bands, readouts: names.map(() => 'Online · 80 °C') };
}

describe('RackMap', () => {
  it('draws 6,000 positions as plain rects, one of them in the tab order, each with an accessible label', () => {
    const f = farm();
    const html = renderToString(
      <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
        <RackMap rooms={f.rooms} ids={f.ids} names={f.names} bands={f.bands} readouts={f.readouts} initialMetric="status" />
      </NextIntlClientProvider>,
    );
    expect(html.match(/<rect /g)).toHaveLength(6000);
    expect(html.match(/tabindex="0"/gi)).toHaveLength(1);
    expect(html).toContain('aria-label="A-R1-K1-1, Row 1 · rack 1, position 1: Online · 80 °C"');
    // Colours are CSS rules on the band of each metric: the map's data-metric picks the rule set.
    expect(html).toContain('data-metric="status"');
    expect(html).toContain('[data-metric="efficiency"] rect[data-efficiency="0"]{fill:#34d399}');
    expect(html).toMatch(/data-i="5999"[^>]*data-status="4" data-temp="4" data-hashrate="4" data-efficiency="4"/);
    // The legend counts each band once per position: 6,000 / 5 bands.
    expect(html).toContain('Online (1,200)');
    expect(html.match(/role="group" aria-label="Row \d+ · rack \d+"/g)).toHaveLength(300);
  });
});
