'use client';

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatChartTime, formatNumber } from '@/lib/format';

/** One series over time; an empty state when it has fewer than two points. */
export function SeriesChart({ data, dataKey, color, emptyLabel, locale, digits = 2, daily }: { data: Array<Record<string, string | number | null>>; dataKey: string; color: string; emptyLabel: string; locale: string; digits?: number; daily: boolean }) {
  const points = data.filter((d) => typeof d[dataKey] === 'number');
  if (points.length < 2) return <p className="py-10 text-center text-sm text-muted" role="status">{emptyLabel}</p>;
  const num = (v: unknown) => formatNumber(Number(v), locale, { digits });
  const tick = (t: string) => formatChartTime(t, locale, daily ? 'day' : 'minute');
  return (
    <div className="h-56">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ left: 4, right: 12, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey="t" stroke="#9aa0b8" fontSize={11} tickFormatter={tick} minTickGap={24} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={64} domain={['auto', 'auto']} tickFormatter={num} />
          <Tooltip labelFormatter={(t) => String(t)} formatter={num} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          <Line type="monotone" dataKey={dataKey} stroke={color} dot={false} strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
