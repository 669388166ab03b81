'use client';

import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartFormat, type ChartUnit, formatChartTime, formatUsd } from '@/lib/format';

export type BandPoint = { t: string; value: number | null; median: number | null; lo80: number | null; hi80: number | null; lo95: number | null; hi95: number | null };

/**
 * History as a line, then the forecast's median with its 80 % and 95 % bands (shaded ranges).
 * `epochs`: the x values are epoch numbers rather than days. Fewer than two points shows the empty label.
 */
export function ForecastBandChart({
  points,
  unit,
  usdDigits = 0,
  epochs = false,
  names,
  emptyLabel,
  locale,
}: {
  points: BandPoint[];
  unit: ChartUnit;
  usdDigits?: number;
  epochs?: boolean;
  names: { value: string; median: string; band80: string; band95: string };
  emptyLabel: string;
  locale: string;
}) {
  if (points.length < 2) {
    return (
      <p className="py-10 text-center text-sm text-muted" role="status">
        {emptyLabel}
      </p>
    );
  }
  const data = points.map((p) => ({
    t: p.t,
    value: p.value,
    median: p.median,
    band80: p.lo80 !== null && p.hi80 !== null ? [p.lo80, p.hi80] : null,
    band95: p.lo95 !== null && p.hi95 !== null ? [p.lo95, p.hi95] : null,
  }));
  const values = points.flatMap((p) => [p.value, p.hi95, p.lo95]).filter((v): v is number => typeof v === 'number');
  const f = chartFormat(unit, locale, values, { usdDigits });
  const tooltip = unit === 'usd' ? (v: number) => formatUsd(v, locale, usdDigits) : f.tooltip;
  const show = (v: unknown) => (Array.isArray(v) ? `${tooltip(Number(v[0]))} – ${tooltip(Number(v[1]))}` : tooltip(Number(v)));
  return (
    <div className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ left: 4, right: 12, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey="t" stroke="#9aa0b8" fontSize={11} tickFormatter={(t: string) => (epochs ? t : formatChartTime(t, locale, 'day'))} minTickGap={24} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={72} domain={['auto', 'auto']} tickFormatter={f.tick} />
          <Tooltip formatter={(v) => show(v)} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Area dataKey="band95" name={names.band95} stroke="none" fill="#f7931a" fillOpacity={0.15} isAnimationActive={false} connectNulls={false} />
          <Area dataKey="band80" name={names.band80} stroke="none" fill="#f7931a" fillOpacity={0.3} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="value" name={names.value} stroke="#4fc3f7" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="median" name={names.median} stroke="#f7931a" dot={false} strokeWidth={2} strokeDasharray="4 3" isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
