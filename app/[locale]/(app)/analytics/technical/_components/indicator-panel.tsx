'use client';

import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartFormat, type ChartUnit, formatChartTime } from '@/lib/format';

export type PanelLine = { name: string; values: Array<number | null>; color: string; kind?: 'line' | 'bars' };

/** One sub-panel under the price chart: lines (and a histogram) with the rule's thresholds as dashed lines. */
export function IndicatorPanel({ days, lines, levels = [], unit = 'count', domain, locale, emptyLabel }: { days: string[]; lines: PanelLine[]; levels?: number[]; unit?: ChartUnit; domain?: [number, number]; locale: string; emptyLabel: string }) {
  const rows = days.map((t, i) => Object.fromEntries([['t', t], ...lines.map((l, k) => [`v${k}`, l.values[i] ?? null])]));
  const values = lines.flatMap((l) => l.values).filter((v): v is number => typeof v === 'number');
  if (values.length < 2) {
    return (
      <p className="py-6 text-center text-sm text-muted" role="status">
        {emptyLabel}
      </p>
    );
  }
  const f = chartFormat(unit, locale, values, { usdDigits: 2 });
  return (
    <div className="h-36">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ left: 4, right: 12, top: 4, bottom: 0 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey="t" stroke="#9aa0b8" fontSize={10} tickFormatter={(t: string) => formatChartTime(t, locale, 'day')} minTickGap={32} />
          <YAxis stroke="#9aa0b8" fontSize={10} width={72} domain={domain ?? ['auto', 'auto']} tickFormatter={f.tick} />
          <Tooltip labelFormatter={(t) => String(t)} formatter={(v) => f.tooltip(Number(v))} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          {levels.map((y) => (
            <ReferenceLine key={y} y={y} stroke="#9aa0b8" strokeDasharray="4 4" />
          ))}
          {lines.map((l, k) =>
            l.kind === 'bars' ? (
              <Bar key={k} dataKey={`v${k}`} name={l.name} fill={l.color} isAnimationActive={false} />
            ) : (
              <Line key={k} dataKey={`v${k}`} name={l.name} stroke={l.color} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
