/*
 * Month-end figures from month-to-date ones, straight-line over the month's real hours (a DST month
 * has 743 or 721): what the consumption center shows as "forecast". Null before an hour has passed.
 */
export function forecastMonth(o: { monthWh: number; monthCostCents: number | null; hoursIntoMonth: number; hoursInMonth: number }) {
  if (o.hoursIntoMonth < 1) return { energyWh: null, costCents: null };
  const k = o.hoursInMonth / o.hoursIntoMonth;
  return { energyWh: Math.round(o.monthWh * k), costCents: o.monthCostCents === null ? null : Math.round(o.monthCostCents * k) };
}

/** Change from `previous` to `current` in percent, one decimal; null without a previous figure. */
export function changePct(current: number, previous: number | null | undefined): number | null {
  if (!previous) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}
