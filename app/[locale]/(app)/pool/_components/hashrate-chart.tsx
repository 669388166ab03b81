'use client';

import { useLocale } from 'next-intl';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ACCENT } from '@/components/charts/colors';
import { chartFormat, formatChartTime } from '@/lib/format';

/** Pool-reported hashrate in TH/s over time, the axis in the unit of its peak; pool days are UTC. */
export function HashrateChart({ points, name, emptyLabel, range }: { points: { t: string; ths: number }[]; name: string; emptyLabel: string; range: '10m' | '1h' | '1d' }) {
  const locale = useLocale();
  if (!points.length) return <p className="py-8 text-center text-sm text-muted">{emptyLabel}</p>;
  const grain = range === '1d' ? 'day' : range === '1h' ? 'hour' : 'minute';
  const data = points.map((p) => ({ x: formatChartTime(p.t, locale, grain), ths: p.ths }));
  const f = chartFormat('hashrateThs', locale, data.map((d) => d.ths));
  return (
    <div className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey="x" stroke="#9aa0b8" fontSize={11} minTickGap={24} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={80} tickFormatter={f.tick} />
          <Tooltip formatter={(v) => f.tooltip(Number(v))} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          <Area type="monotone" dataKey="ths" name={name} stroke={ACCENT} fill={ACCENT} fillOpacity={0.2} isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
