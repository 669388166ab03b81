/*
 * What a curtailment saved, hour by hour: energy avoided × the tariff of that hour − revenue forgone at
 * the hashprice of that hour (after the pool fee). Never a constant: an hour without a tariff or a
 * hashprice has no figure (null), and the totals say they are incomplete rather than count it as 0.
 * Money in integer cents, rounded once per hour; totals are sums of the hourly cents, so a report's
 * rows add up to its total.
 */

/** Power and hashrate taken off the site over [from, to), constant within (a 5-minute bucket, or the plan). */
export type ShedInterval = { from: Date; to: Date; shedW: number; shedThs: number };

/** The prices of a stretch of time: the tariff's rate (m¢/kWh, 1e-5 USD) and the hashprice (USD per PH/s per day). */
export type PriceSlot = { from: Date; to: Date; rateMcPerKwh: number | null; hashpriceUsdPerPhDay: number | null };

export type HourSavings = {
  hourStart: Date;
  energyAvoidedWh: number;
  costAvoidedCents: number | null;
  revenueForgoneCents: number | null;
  netSavingCents: number | null;
};

export type Savings = {
  hours: HourSavings[];
  energyAvoidedWh: number;
  costAvoidedCents: number | null;
  revenueForgoneCents: number | null;
  netSavingCents: number | null;
  /** Hours whose tariff or hashprice is unknown. */
  missingHours: Date[];
};

const HOUR_MS = 3_600_000;

function overlapMs(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function curtailmentSavings(intervals: ShedInterval[], prices: PriceSlot[], poolFeePct: number): Savings {
  type Acc = { wh: number; whMc: number; thHourUsdPerPhDay: number; unpriced: boolean; unhashpriced: boolean };
  const byHour = new Map<number, Acc>();
  const acc = (h: number) => {
    let a = byHour.get(h);
    if (!a) byHour.set(h, (a = { wh: 0, whMc: 0, thHourUsdPerPhDay: 0, unpriced: false, unhashpriced: false }));
    return a;
  };
  for (const iv of intervals) {
    const i0 = iv.from.getTime();
    const i1 = iv.to.getTime();
    // Every hour the interval touches, then every price slot within that hour.
    for (let h = Math.floor(i0 / HOUR_MS) * HOUR_MS; h < i1; h += HOUR_MS) {
      const inHourMs = overlapMs(i0, i1, h, h + HOUR_MS);
      if (inHourMs <= 0) continue;
      const a = acc(h);
      a.wh += (iv.shedW * inHourMs) / HOUR_MS;
      let pricedMs = 0;
      for (const p of prices) {
        const ms = overlapMs(Math.max(i0, h), Math.min(i1, h + HOUR_MS), p.from.getTime(), p.to.getTime());
        if (ms <= 0) continue;
        pricedMs += ms;
        const wh = (iv.shedW * ms) / HOUR_MS;
        if (p.rateMcPerKwh === null) a.unpriced = true;
        else a.whMc += wh * p.rateMcPerKwh;
        if (p.hashpriceUsdPerPhDay === null) a.unhashpriced = true;
        else a.thHourUsdPerPhDay += ((iv.shedThs * ms) / HOUR_MS) * p.hashpriceUsdPerPhDay;
      }
      // A stretch no slot covers has no price at all.
      if (pricedMs < inHourMs) a.unpriced = a.unhashpriced = true;
    }
  }
  const keep = 1 - poolFeePct / 100;
  const hours: HourSavings[] = [...byHour.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([h, a]) => {
      // Wh × m¢/kWh = 1e-3 kWh × 1e-3 ¢ per kWh = 1e-6 ¢.
      const cost = a.unpriced ? null : Math.round(a.whMc / 1e6);
      // TH·h × USD/PH/day: / 1000 (TH→PH) / 24 (day→hour) × 100 (USD→¢).
      const revenue = a.unhashpriced ? null : Math.round((a.thHourUsdPerPhDay / 1000 / 24) * keep * 100);
      return {
        hourStart: new Date(h),
        energyAvoidedWh: Math.round(a.wh),
        costAvoidedCents: cost,
        revenueForgoneCents: revenue,
        netSavingCents: cost === null || revenue === null ? null : cost - revenue,
      };
    });
  const sum = (k: 'costAvoidedCents' | 'revenueForgoneCents' | 'netSavingCents') =>
    hours.some((h) => h[k] === null) ? null : hours.reduce((s, h) => s + h[k]!, 0);
  return {
    hours,
    energyAvoidedWh: hours.reduce((s, h) => s + h.energyAvoidedWh, 0),
    costAvoidedCents: sum('costAvoidedCents'),
    revenueForgoneCents: sum('revenueForgoneCents'),
    netSavingCents: sum('netSavingCents'),
    missingHours: hours.filter((h) => h.netSavingCents === null).map((h) => h.hourStart),
  };
}
