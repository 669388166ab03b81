'use client';

import { useLocale } from 'next-intl';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartFormat, type ChartUnit } from '@/lib/format';

export type BarSeries = { key: string; label: string; color: string };

/**
 * Vertical bars per period (a month, say), one bar per series side by side or, `stacked`, one
 * stacked bar of them (carbon by source). Plain rows in, so a server page can feed it.
 */
export function MonthBars({ data, series, xKey, emptyLabel, unit = 'count', stacked = false, height = 240 }: { data: Record<string, string | number>[]; series: BarSeries[]; xKey: string; emptyLabel: string; unit?: ChartUnit; stacked?: boolean; height?: number }) {
  const locale = useLocale();
  if (!data.length) return <p className="py-8 text-center text-sm text-muted">{emptyLabel}</p>;
  const f = chartFormat(unit, locale, data.flatMap((d) => series.map((s) => Number(d[s.key] ?? 0))));
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 0, right: 8, top: 8, bottom: 4 }}>
          <XAxis dataKey={xKey} stroke="#9aa0b8" fontSize={11} interval="preserveStartEnd" minTickGap={8} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={56} tickFormatter={f.tick} />
          <Tooltip formatter={(v) => f.tooltip(Number(v))} cursor={{ fill: '#2a2f47' }} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 11 }} /> : null}
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? 'a' : undefined} radius={stacked && i < series.length - 1 ? 0 : [3, 3, 0, 0]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
