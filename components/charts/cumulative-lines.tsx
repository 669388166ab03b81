'use client';

import { useLocale } from 'next-intl';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartFormat } from '@/lib/format';
import { ACCENT } from './colors';

const COLORS = [ACCENT, '#4fc3f7', '#81c784', '#ba68c8'];

export type CumulativeSeries = { key: string; label: string; /** x values where this line's miners are off. */ off: readonly number[] };

/** Contiguous runs of months, so a shaded band covers [first − ½, last + ½] once per run. */
function runs(xs: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && x === last[1] + 1) last[1] = x;
    else out.push([x, x]);
  }
  return out;
}

/**
 * Cumulative dollars per scenario by month, with a zero line, an optional vertical marker (the halving)
 * and the months some line is switched off: shaded across the chart, and a hollow dot on each line
 * that is off in that month, so several scenarios stay distinguishable.
 */
export function CumulativeLines({ data, series, xKey, emptyLabel, marker }: { data: Record<string, number>[]; series: CumulativeSeries[]; xKey: string; emptyLabel: string; marker?: { x: number; label: string } | null }) {
  const locale = useLocale();
  if (!data.length || !series.length) return <p className="py-8 text-center text-sm text-muted">{emptyLabel}</p>;
  const f = chartFormat('usd', locale, data.flatMap((d) => series.map((s) => Number(d[s.key]))).filter(Number.isFinite));
  const xs = data.map((d) => d[xKey]!);
  return (
    <div className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey={xKey} type="number" domain={[Math.min(...xs), Math.max(...xs)]} allowDecimals={false} stroke="#9aa0b8" fontSize={11} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={72} tickFormatter={f.tick} />
          {runs(series.flatMap((s) => s.off)).map(([a, b]) => (
            <ReferenceArea key={a} x1={a - 0.5} x2={b + 0.5} ifOverflow="hidden" fill="#9aa0b8" fillOpacity={0.14} stroke="none" />
          ))}
          <ReferenceLine y={0} stroke="#9aa0b8" strokeDasharray="4 4" />
          {marker ? <ReferenceLine x={marker.x} stroke="#f7931a" strokeDasharray="2 3" label={{ value: marker.label, position: 'insideTopRight', fill: '#f7931a', fontSize: 11 }} /> : null}
          <Tooltip formatter={(v) => f.tooltip(Number(v))} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => {
            const off = new Set(s.off);
            const color = COLORS[i % COLORS.length];
            return (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={color}
                strokeWidth={2}
                isAnimationActive={false}
                dot={(p: { cx?: number; cy?: number; payload?: Record<string, number>; index?: number }) =>
                  p.payload && off.has(p.payload[xKey]!) ? <circle key={`${s.key}-${p.index}`} cx={p.cx} cy={p.cy} r={3.5} fill="#1a1d2e" stroke={color} strokeWidth={1.5} data-off="true" /> : <g key={`${s.key}-${p.index}`} />
                }
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
