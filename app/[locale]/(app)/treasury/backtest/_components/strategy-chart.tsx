'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartFormat, type ChartUnit, formatChartTime } from '@/lib/format';

export type StrategyLine = { name: string; values: number[]; color: string };

/** Every template's series over the same days in one chart, the halvings marked. */
export function StrategyChart({ days, lines, unit, marks, locale, emptyLabel }: { days: string[]; lines: StrategyLine[]; unit: ChartUnit; marks: Array<{ day: string; label: string }>; locale: string; emptyLabel: string }) {
  if (days.length < 2 || !lines.length) {
    return (
      <p className="py-10 text-center text-sm text-muted" role="status">
        {emptyLabel}
      </p>
    );
  }
  const rows = days.map((t, i) => Object.fromEntries([['t', t], ...lines.map((l, k) => [`v${k}`, l.values[i]])]));
  const f = chartFormat(unit, locale, lines.flatMap((l) => l.values));
  return (
    <div className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ left: 4, right: 12, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey="t" stroke="#9aa0b8" fontSize={11} tickFormatter={(t: string) => formatChartTime(t, locale, 'day')} minTickGap={32} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={76} domain={['auto', 'auto']} tickFormatter={f.tick} />
          <Tooltip labelFormatter={(t) => String(t)} formatter={(v) => f.tooltip(Number(v))} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {marks.map((m) => (
            <ReferenceLine key={m.day} x={m.day} stroke="#f7931a" strokeDasharray="3 3" label={{ value: m.label, position: 'insideTopLeft', fill: '#f7931a', fontSize: 10 }} />
          ))}
          {lines.map((l, k) => (
            <Line key={l.name} dataKey={`v${k}`} name={l.name} stroke={l.color} dot={false} strokeWidth={1.5} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
