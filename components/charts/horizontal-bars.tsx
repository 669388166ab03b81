'use client';

import { useLocale } from 'next-intl';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartFormat, type ChartUnit } from '@/lib/format';
import { ACCENT } from './colors';

/** Ranked horizontal bars; takes plain rows so any page can feed it. */
export function HorizontalBars({ data, emptyLabel, unit = 'count' }: { data: { label: string; value: number }[]; emptyLabel: string; unit?: ChartUnit }) {
  const locale = useLocale();
  if (!data.length) return <p className="py-8 text-center text-sm text-muted">{emptyLabel}</p>;
  const f = chartFormat(unit, locale, data.map((d) => d.value));
  return (
    <div style={{ height: Math.max(160, data.length * 26) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
          <XAxis type="number" stroke="#9aa0b8" fontSize={11} allowDecimals={unit !== 'count'} tickFormatter={f.tick} />
          <YAxis type="category" dataKey="label" stroke="#9aa0b8" fontSize={11} width={130} />
          <Tooltip formatter={(v) => f.tooltip(Number(v))} cursor={{ fill: '#2a2f47' }} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          <Bar dataKey="value" fill={ACCENT} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
