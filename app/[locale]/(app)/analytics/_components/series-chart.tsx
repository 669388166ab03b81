'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartFormat, type ChartUnit, formatChartTime } from '@/lib/format';

/**
 * One chart's values, index for index with the shared times: `a` the main series, `b` an optional
 * second one, null = no value (the line breaks); drawn over [from, to).
 */
export type ChartSeries = { a: Array<number | null>; b?: Array<number | null>; from: number; to: number };

/**
 * One or two series over time with the halvings marked. Gaps stay gaps (nothing is drawn across a
 * day without a value); fewer than two values shows the empty label. `log` for spans of years.
 */
export function SeriesChart({
  ts,
  series,
  unit,
  log = false,
  step = false,
  color,
  names,
  color2 = '#9aa0b8',
  halvings = [],
  emptyLabel,
  locale,
  grain,
}: {
  ts: string[];
  series: ChartSeries;
  unit: ChartUnit;
  log?: boolean;
  /** A value that holds until it changes (difficulty): drawn as steps, not a curve between them. */
  step?: boolean;
  color: string;
  names?: { a: string; b?: string };
  color2?: string;
  halvings?: Array<{ t: string; label: string }>;
  emptyLabel: string;
  locale: string;
  grain: 'month' | 'day' | 'minute';
}) {
  // A log axis cannot place 0 (the days of 2009 without a block); those points are left out there.
  const usable = (v: number | null | undefined): v is number => typeof v === 'number' && (!log || v > 0);
  const points = ts.slice(series.from, series.to).map((t, k) => {
    const a = series.a[series.from + k];
    const b = series.b?.[series.from + k];
    return { t, a: usable(a) ? a : null, b: usable(b) ? b : null };
  });
  const values = points.flatMap((p) => [p.a, p.b]).filter(usable);
  if (points.filter((p) => usable(p.a) || usable(p.b)).length < 2) {
    return (
      <p className="py-10 text-center text-sm text-muted" role="status">
        {emptyLabel}
      </p>
    );
  }
  const largest = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const f = chartFormat(unit, locale, values, { log, usdDigits: largest < 1000 ? 2 : 0 });
  const hasB = points.some((p) => usable(p.b));
  return (
    <div className="h-56">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ left: 4, right: 12, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey="t" stroke="#9aa0b8" fontSize={11} tickFormatter={(t: string) => formatChartTime(t, locale, grain)} minTickGap={24} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={72} scale={log ? 'log' : 'auto'} domain={['auto', 'auto']} allowDataOverflow={false} tickFormatter={f.tick} />
          <Tooltip labelFormatter={(t) => String(t)} formatter={(v) => f.tooltip(Number(v))} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          {halvings.map((h) => (
            <ReferenceLine key={h.t} x={h.t} stroke="#f7931a" strokeDasharray="3 3" label={{ value: h.label, position: 'insideTopLeft', fill: '#f7931a', fontSize: 10 }} />
          ))}
          {hasB && names?.b ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
          {hasB ? <Line type="stepAfter" dataKey="b" name={names?.b} stroke={color2} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} /> : null}
          <Line type={step ? 'stepAfter' : 'linear'} dataKey="a" name={names?.a} stroke={color} dot={false} strokeWidth={2} isAnimationActive={false} connectNulls={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
