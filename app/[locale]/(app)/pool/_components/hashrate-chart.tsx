'use client';

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Pool-reported hashrate in TH/s over time. */
export function HashrateChart({ points, emptyLabel, range }: { points: { t: string; ths: number }[]; emptyLabel: string; range: '10m' | '1h' | '1d' }) {
  if (!points.length) return <p className="py-8 text-center text-sm text-muted">{emptyLabel}</p>;
  const label = (iso: string) => (range === '1d' ? iso.slice(5, 10) : iso.slice(range === '1h' ? 5 : 11, 16).replace('T', ' '));
  const data = points.map((p) => ({ x: label(p.t), phs: +(p.ths / 1000).toFixed(3) }));
  return (
    <div className="h-64">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={data} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
          <CartesianGrid stroke="#2a2f47" />
          <XAxis dataKey="x" stroke="#9aa0b8" fontSize={11} minTickGap={24} />
          <YAxis stroke="#9aa0b8" fontSize={11} width={56} unit=" PH/s" />
          <Tooltip contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          <Area type="monotone" dataKey="phs" name="PH/s" stroke="#f7931a" fill="#f7931a33" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
