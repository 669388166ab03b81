import type { CarbonRow, MonthFigureRow } from '@/db/queries/power/reports';
import { compareMonth, type MonthFigures, shiftMonth, utilisation } from '@/lib/domain/power/compare';

/*
 * The answers of the comparison, contracts and carbon APIs and pages, shaped once from the month
 * rows of db/queries/power/reports.ts. Sums here add a handful of stored integers (sites of a month).
 */

/** Rows by a key of theirs, in their order: one pass, so a report over many keys and months is not keys × rows. */
function groupBy<T>(rows: T[], keyOf: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const xs = out.get(k);
    if (xs) xs.push(r);
    else out.set(k, [r]);
  }
  return out;
}
const keyMonth = (r: { key: string; month: string }) => `${r.key}|${r.month}`;

const figures = (r: MonthFigureRow | undefined): MonthFigures | null => (r ? { energyWh: r.energyWh, costCents: r.costCents, peakW: r.peakW } : null);

function total(rows: MonthFigureRow[]): MonthFigures | null {
  if (!rows.length) return null;
  const costs = rows.every((r) => r.costCents !== null);
  return { energyWh: rows.reduce((a, r) => a + r.energyWh, 0), costCents: costs ? rows.reduce((a, r) => a + (r.costCents ?? 0), 0) : null, peakW: rows.reduce((a, r) => a + r.peakW, 0) };
}

/** Month against the month before and a year before, per key and in total. */
export function comparison(rows: MonthFigureRow[], month: string) {
  const [prev, lastYear] = [shiftMonth(month, -1), shiftMonth(month, -12)];
  const keys = [...new Map(rows.map((r) => [r.key, r.name])).entries()];
  const byMonth = groupBy(rows, (r) => r.month);
  const at = (m: string) => byMonth.get(m) ?? [];
  const byKeyMonth = new Map(rows.map((r) => [keyMonth(r), r]));
  const one = (cur: MonthFigures | null, p: MonthFigures | null, y: MonthFigures | null) => ({ current: cur, previousMonth: p, sameMonthLastYear: y, ...compareMonth(cur, p, y) });
  return {
    total: one(total(at(month)), total(at(prev)), total(at(lastYear))),
    rows: keys.map(([key, name]) => {
      const of = (m: string) => figures(byKeyMonth.get(keyMonth({ key, month: m })));
      return { id: key, name, ...one(of(month), of(prev), of(lastYear)) };
    }),
  };
}

/** Totals per month over the keys, oldest first: the MoM bars. */
export function monthlyTrend(rows: MonthFigureRow[], months: string[]) {
  const byMonth = groupBy(rows, (r) => r.month);
  return months.map((m) => ({ month: m, ...(total(byMonth.get(m) ?? []) ?? { energyWh: 0, costCents: null, peakW: 0 }), hasData: byMonth.has(m) }));
}

/** Each site's contracted kW against each month's measured peak and average. */
export function contracts(rows: MonthFigureRow[]) {
  return [...groupBy(rows, (r) => r.key).values()].map((xs) => ({
    siteId: xs[0]!.key,
    name: xs[0]!.name,
    contractedKw: xs.at(-1)!.contractedKw,
    months: xs.map((r) => ({ month: r.month, peakW: r.peakW, avgW: r.avgW, ...utilisation({ contractedKw: r.contractedKw ?? 0, peakW: r.peakW, avgW: r.avgW }) })),
  }));
}

/** kg CO₂ per key and month with the split by source, and per month in total. */
export function carbonReport(rows: CarbonRow[]) {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const sum = (xs: CarbonRow[]) => ({ energyWh: xs.reduce((a, r) => a + r.energyWh, 0), co2G: xs.reduce((a, r) => a + r.co2G, 0) });
  const bySource = (xs: CarbonRow[]) => xs.map((r) => ({ source: r.source, energyWh: r.energyWh, co2G: r.co2G }));
  const intensity = (s: { energyWh: number; co2G: number }) => (s.energyWh ? Math.round((s.co2G / s.energyWh) * 10_000) / 10_000 : null);
  const keys = [...new Map(rows.map((r) => [r.key, r.name])).entries()];
  const byMonth = groupBy(rows, (r) => r.month);
  const byKeyMonth = groupBy(rows, keyMonth);
  return {
    months: months.map((m) => {
      const xs = byMonth.get(m)!;
      const s = sum(xs);
      const sources = [...groupBy(xs, (r) => r.source)].map(([source, ys]) => ({ source: source as CarbonRow['source'], ...sum(ys) }));
      return { month: m, ...s, co2Kg: s.co2G / 1000, kgPerKwh: intensity(s), bySource: sources };
    }),
    rows: keys.flatMap(([key, name]) =>
      months.flatMap((m) => {
        const xs = byKeyMonth.get(keyMonth({ key, month: m }));
        if (!xs) return [];
        const s = sum(xs);
        return [{ id: key, name, month: m, ...s, co2Kg: s.co2G / 1000, kgPerKwh: intensity(s), bySource: bySource(xs) }];
      }),
    ),
  };
}

/** The months from `months − 1` before `month` to `month`. */
export const monthsEnding = (month: string, months: number) => Array.from({ length: months }, (_, i) => shiftMonth(month, i - months + 1));
