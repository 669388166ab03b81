'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartFormat, type ChartUnit, formatChartTime } from '@/lib/format';

export type EconLine = { name: string; values: Array<number | null>; color: string };
export type HLine = { y: number; label: string; color: string };
export type VLine = { t: string; label: string; color: string };

/**
 * Several series over the economics page's days, with horizontal levels (break-even, thresholds)
 * and marked days (hash-ribbon crossings). Gaps stay gaps; a log axis leaves out values ≤ 0.
 */
export function EconomicsChart({ days, lines, unit, log = false, levels = [], marks = [], locale, emptyLabel, grain }: { days: string[]; lines: EconLine[]; unit: ChartUnit; log?: boolean; levels?: HLine[]; marks?: VLine[]; locale: string; emptyLabel: string; grain: 'day' | 'month' }) {
  const usable = (v: number | null | undefined): v is number => typeof v === 'number' && (!log || v > 0);
  const rows = days.map((t, i) => Object.fromEntries([['t', t], ...lines.map((l, k) => [`v${k}`, usable(l.values[i]) ? l.values[i] : null])]));
  const values = lines.flatMap((l) => l.values).filter(usable);
  if (values.length < 2) {
    return (
      <p className="py-10 text-center text-sm text-muted" role="status">
        {emptyLabel}
      </p>
    );
  }
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const f = chartFormat(unit, locale, [...values, ...levels.map((l) => l.y)], { log, usdDigits: largest < 1000 ? 2 : 0 });
  return (
    <div className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ left: 4, right: 12, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey="t" stroke="#9aa0b8" fontSize={11} tickFormatter={(t: string) => formatChartTime(t, locale, grain)} minTickGap={24} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={76} scale={log ? 'log' : 'auto'} domain={['auto', 'auto']} tickFormatter={f.tick} />
          <Tooltip labelFormatter={(t) => String(t)} formatter={(v) => f.tooltip(Number(v))} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          {lines.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
          {levels.map((l) => (
            <ReferenceLine key={`${l.label}-${l.y}`} y={l.y} stroke={l.color} strokeDasharray="4 4" label={{ value: l.label, position: 'insideTopRight', fill: l.color, fontSize: 10 }} />
          ))}
          {marks.map((m) => (
            <ReferenceLine key={`${m.t}-${m.label}`} x={m.t} stroke={m.color} strokeDasharray="2 3" />
          ))}
          {lines.map((l, k) => (
            <Line key={k} dataKey={`v${k}`} name={l.name} stroke={l.color} dot={false} strokeWidth={k === 0 ? 2 : 1.25} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
