'use client';

import { useLocale } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartFormat, type ChartUnit } from '@/lib/format';
import { ACCENT } from './colors';

const COLORS = [ACCENT, '#4fc3f7', '#81c784', '#ba68c8'];

/** Side-by-side bars per x (e.g. metered against measured energy per day); takes plain rows. */
export function GroupedBars({ data, series, xKey, emptyLabel, unit = 'count' }: { data: Record<string, number | string>[]; series: { key: string; label: string }[]; xKey: string; emptyLabel: string; unit?: ChartUnit }) {
  const locale = useLocale();
  if (!data.length || !series.length) return <p className="py-8 text-center text-sm text-muted">{emptyLabel}</p>;
  const f = chartFormat(unit, locale, data.flatMap((d) => series.map((s) => Number(d[s.key]))).filter(Number.isFinite));
  return (
    <div className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" vertical={false} />
          <XAxis dataKey={xKey} stroke="#9aa0b8" fontSize={11} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={80} tickFormatter={f.tick} />
          <Tooltip formatter={(v) => f.tooltip(Number(v))} cursor={{ fill: '#2a2f47' }} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLORS[i % COLORS.length]} radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
