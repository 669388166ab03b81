'use client';

import { useLocale } from 'next-intl';
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { formatNumber } from '@/lib/format';

export function Donut({ data, emptyLabel }: { data: { label: string; value: number; color: string }[]; emptyLabel: string }) {
  const locale = useLocale();
  const shown = data.filter((d) => d.value > 0);
  if (!shown.length) return <p className="py-8 text-center text-sm text-muted">{emptyLabel}</p>;
  return (
    <div className="flex flex-col items-center gap-3 sm:flex-row">
      <div className="h-44 w-44">
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie data={shown} dataKey="value" nameKey="label" innerRadius="60%" outerRadius="95%" stroke="none" isAnimationActive={false}>
              {shown.map((d) => (
                <Cell key={d.label} fill={d.color} />
              ))}
            </Pie>
            <Tooltip formatter={(v) => formatNumber(Number(v), locale)} contentStyle={{ background: '#22263a', border: '1px solid #363c5a', color: '#e8eaf2' }} />
          </PieChart>
        </ResponsiveContainer>
      </div>
      <ul className="flex flex-col gap-1 text-sm">
        {data.map((d) => (
          <li key={d.label} className="flex items-center gap-2">
            <span aria-hidden className="h-3 w-3 rounded-sm" style={{ background: d.color }} />
            <span className="text-muted">{d.label}</span>
            <span className="tabular-nums">{formatNumber(d.value, locale)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
