'use client';

import { useLocale } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ACCENT } from '@/components/charts/colors';
import { chartFormat, type ChartUnit } from '@/lib/format';

/** Bars over time with optional horizontal reference lines (e.g. the request budget). */
export function TimeBars({ points, name, emptyLabel, unit = 'count', lines = [] }: { points: { x: string; y: number }[]; name: string; emptyLabel: string; unit?: ChartUnit; lines?: { y: number; label: string; color: string }[] }) {
  const locale = useLocale();
  if (!points.length) return <p className="py-8 text-center text-sm text-muted">{emptyLabel}</p>;
  const f = chartFormat(unit, locale, points.map((p) => p.y));
  return (
    <div className="h-56">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ left: 4, right: 16, top: 12, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" vertical={false} />
          <XAxis dataKey="x" stroke="#9aa0b8" fontSize={11} minTickGap={24} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={56} domain={[0, 'auto']} tickFormatter={f.tick} />
          <Tooltip formatter={(v) => f.tooltip(Number(v))} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} cursor={{ fill: '#ffffff10' }} />
          {lines.map((l) => (
            <ReferenceLine key={l.label} y={l.y} ifOverflow="extendDomain" stroke={l.color} strokeDasharray="4 4" label={{ value: l.label, fill: l.color, fontSize: 11, position: 'insideTopRight' }} />
          ))}
          <Bar dataKey="y" name={name} fill={ACCENT} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
