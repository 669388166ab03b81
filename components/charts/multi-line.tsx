'use client';

import { useLocale } from 'next-intl';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartFormat, type ChartUnit } from '@/lib/format';
import { ACCENT } from './colors';

const COLORS = [ACCENT, '#4fc3f7', '#81c784', '#ba68c8'];

/** Several series over a shared x axis (e.g. cumulative profit per scenario), with a zero line. */
export function MultiLine({ data, series, xKey, emptyLabel, unit = 'count' }: { data: Record<string, number | string>[]; series: { key: string; label: string }[]; xKey: string; emptyLabel: string; unit?: ChartUnit }) {
  const locale = useLocale();
  if (!data.length || !series.length) return <p className="py-8 text-center text-sm text-muted">{emptyLabel}</p>;
  const f = chartFormat(unit, locale, data.flatMap((d) => series.map((s) => Number(d[s.key]))).filter(Number.isFinite));
  return (
    <div className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey={xKey} stroke="#9aa0b8" fontSize={11} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={80} tickFormatter={f.tick} />
          <ReferenceLine y={0} stroke="#9aa0b8" strokeDasharray="4 4" />
          <Tooltip formatter={(v) => f.tooltip(Number(v))} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={COLORS[i % COLORS.length]} dot={false} strokeWidth={2} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
