'use client';

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const COLORS = ['#f7931a', '#4fc3f7', '#81c784', '#ba68c8'];

/** Several series over a shared x axis (e.g. cumulative profit per scenario), with a zero line. */
export function MultiLine({ data, series, xKey, emptyLabel, format }: { data: Record<string, number | string>[]; series: { key: string; label: string }[]; xKey: string; emptyLabel: string; format?: (v: number) => string }) {
  if (!data.length || !series.length) return <p className="py-8 text-center text-sm text-muted">{emptyLabel}</p>;
  return (
    <div className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey={xKey} stroke="#9aa0b8" fontSize={11} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={80} tickFormatter={format} />
          <ReferenceLine y={0} stroke="#9aa0b8" strokeDasharray="4 4" />
          <Tooltip formatter={(v) => (format ? format(Number(v)) : String(v))} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={COLORS[i % COLORS.length]} dot={false} strokeWidth={2} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
