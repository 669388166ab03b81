'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ACCENT } from '@/components/charts/colors';
import { chartFormat, formatChartTime } from '@/lib/format';
import type { OverlayKey, TechnicalData } from '@/lib/integrations/market/technical';
import { CandleShape } from './candle-shape';

export type Overlay = 'sma' | 'ema' | 'bollinger' | 'ichimoku' | 'vwap';

export const OVERLAY_LINES: Record<Overlay, Array<{ key: OverlayKey; color: string; dash?: string }>> = {
  sma: [
    { key: 'smaFast', color: '#4fc3f7' },
    { key: 'smaSlow', color: '#ffb74d' },
  ],
  ema: [
    { key: 'emaFast', color: '#ba68c8' },
    { key: 'emaSlow', color: '#f06292' },
  ],
  bollinger: [
    { key: 'bbUpper', color: '#9aa0b8', dash: '4 3' },
    { key: 'bbMiddle', color: '#9aa0b8' },
    { key: 'bbLower', color: '#9aa0b8', dash: '4 3' },
  ],
  ichimoku: [
    { key: 'ichiConversion', color: '#4dd0e1' },
    { key: 'ichiBase', color: '#ff8a65' },
  ],
  vwap: [{ key: 'vwap', color: '#aed581' }],
};

/** Price as candles or a close line, with the chosen overlays; the Ichimoku cloud runs 26 days past the last bar. */
export function PriceChart({ data, kind, overlays, names, locale }: { data: TechnicalData; kind: 'candles' | 'line'; overlays: ReadonlySet<Overlay>; names: Record<OverlayKey | 'close' | 'cloud', string>; locale: string }) {
  const cloud = overlays.has('ichimoku');
  const length = cloud ? data.days.length : data.days.length - data.ahead;
  const rows = data.days.slice(0, length).map((t, i) => {
    const row: Record<string, unknown> = { t, open: data.ohlc.open[i], high: data.ohlc.high[i], low: data.ohlc.low[i], close: data.ohlc.close[i] };
    row.range = data.ohlc.low[i] !== null && data.ohlc.high[i] !== null ? [data.ohlc.low[i], data.ohlc.high[i]] : null;
    for (const o of overlays) for (const l of OVERLAY_LINES[o]) row[l.key] = data.overlays[l.key][i];
    if (cloud) {
      const a = data.overlays.ichiSpanA[i];
      const b = data.overlays.ichiSpanB[i];
      row.cloud = a !== null && a !== undefined && b !== null && b !== undefined ? [Math.min(a, b), Math.max(a, b)] : null;
      row.ichiSpanA = a;
      row.ichiSpanB = b;
    }
    return row;
  });
  const values = rows.flatMap((r) => [r.high, r.low, ...[...overlays].flatMap((o) => OVERLAY_LINES[o].map((l) => r[l.key]))]).filter((v): v is number => typeof v === 'number');
  const f = chartFormat('usd', locale, values);
  return (
    <div className="h-72 sm:h-96" data-testid="price-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ left: 4, right: 12, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey="t" stroke="#9aa0b8" fontSize={11} tickFormatter={(t: string) => formatChartTime(t, locale, 'day')} minTickGap={24} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={72} domain={['auto', 'auto']} tickFormatter={f.tick} />
          <Tooltip
            labelFormatter={(t) => String(t)}
            formatter={(v, name) => [Array.isArray(v) ? v.map((x) => f.tooltip(Number(x))).join(' – ') : f.tooltip(Number(v)), name]}
            contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }}
          />
          {cloud ? <Area dataKey="cloud" name={names.cloud} stroke="none" fill="#4dd0e1" fillOpacity={0.12} isAnimationActive={false} connectNulls={false} /> : null}
          {cloud ? <Line dataKey="ichiSpanA" name={names.ichiSpanA} stroke="#81c784" dot={false} strokeWidth={1} isAnimationActive={false} /> : null}
          {cloud ? <Line dataKey="ichiSpanB" name={names.ichiSpanB} stroke="#e57373" dot={false} strokeWidth={1} isAnimationActive={false} /> : null}
          {kind === 'candles' ? (
            <Bar dataKey="range" name={names.close} shape={<CandleShape />} isAnimationActive={false} />
          ) : (
            <Line dataKey="close" name={names.close} stroke={ACCENT} dot={false} strokeWidth={2} isAnimationActive={false} connectNulls={false} />
          )}
          {[...overlays].flatMap((o) =>
            OVERLAY_LINES[o].map((l) => <Line key={l.key} dataKey={l.key} name={names[l.key]} stroke={l.color} strokeDasharray={l.dash} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
