import { localDate, type ZoneParts, zoneParts } from './zone';

/*
 * Site tariffs. Units: energy rates in milli-cents per kWh (1 m¢ = $0.00001, the precision of
 * sites.electricity_usd_per_kwh numeric(10,5): $0.05234/kWh = 5,234 m¢/kWh), demand charges in
 * cents per kW of the month's peak, fixed charges in cents per month. Energy is integer Wh, so a
 * cost is Wh × m¢/kWh / 10⁶ cents — exact until it is rounded once, per bill line.
 *
 * A site's tariff is a list of versions, each in force from `effectiveFrom` (an instant, normally a
 * local midnight) until the next one: a rate change adds a version and never edits one that issued
 * bills were priced with. Windows are in the site's time zone, so a day of 23 or 25 hours is
 * priced hour by hour as it happened (the instants are UTC; only the classification is local).
 */

export const TOU_WINDOWS = ['peak', 'shoulder', 'off_peak'] as const;
export type TouWindow = (typeof TOU_WINDOWS)[number];
/** The window an hour is priced in: a flat tariff has the one window 'flat'. */
export type EnergyWindow = TouWindow | 'flat';
export const ENERGY_WINDOWS: readonly EnergyWindow[] = ['peak', 'shoulder', 'off_peak', 'flat'];

/**
 * A priced stretch of the day. `from`/`to` are 'HH:MM' local; `to` ≤ `from` crosses midnight. The
 * weekday test is on the local day of the instant itself: Mon–Fri 22:00–06:00 covers Monday 00:00–06:00
 * and Monday 22:00–24:00 (and so on), which reads as the utility's table does.
 */
export type TouPeriod = { window: Exclude<TouWindow, 'off_peak'>; days: number[]; from: string; to: string };

/** `from`/`to` are 'MM-DD', both inclusive; a season may wrap the new year (11-01 → 02-28). */
export type TouSeason = { name: string; from: string; to: string; periods: TouPeriod[] };

export type Tariff = {
  id: string;
  effectiveFrom: Date;
  kind: 'flat' | 'tou';
  /** m¢/kWh per window: 'flat' for a flat tariff; peak, shoulder and off_peak for time of use. */
  ratesMcPerKwh: Partial<Record<EnergyWindow, number>>;
  /** Time of use only: the first season containing the local day applies; uncovered time is off-peak. */
  seasons: TouSeason[];
  /** Local dates 'YYYY-MM-DD' priced off-peak all day. */
  holidays: string[];
  demandCentsPerKw: number;
  fixedMonthlyCents: number;
};

export type PricedInstant = { tariff: Tariff; window: EnergyWindow; rateMcPerKwh: number };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const monthDay = (z: ZoneParts) => `${String(z.month).padStart(2, '0')}-${String(z.day).padStart(2, '0')}`;

function inSeason(s: TouSeason, md: string): boolean {
  return s.from <= s.to ? md >= s.from && md <= s.to : md >= s.from || md <= s.to;
}

function inPeriod(p: TouPeriod, z: ZoneParts): boolean {
  if (!p.days.includes(z.weekday)) return false;
  const t = z.hour * 60 + z.minute;
  const from = minutesOf(p.from);
  const to = minutesOf(p.to);
  return from < to ? t >= from && t < to : t >= from || t < to;
}

/** The version in force at the instant: the latest that took effect at or before it (null before the first). */
export function tariffVersionAt(tariffs: readonly Tariff[], instant: Date): Tariff | null {
  let found: Tariff | null = null;
  for (const t of tariffs) if (t.effectiveFrom.getTime() <= instant.getTime() && (!found || t.effectiveFrom > found.effectiveFrom)) found = t;
  return found;
}

/** The window a version prices the instant in, from the site's wall clock. */
export function windowOf(tariff: Tariff, instant: Date, timeZone: string): EnergyWindow {
  if (tariff.kind === 'flat') return 'flat';
  const z = zoneParts(instant, timeZone);
  if (tariff.holidays.includes(localDate(instant, timeZone))) return 'off_peak';
  const season = tariff.seasons.find((s) => inSeason(s, monthDay(z)));
  // The first matching period wins, so a peak listed before an overlapping shoulder takes precedence.
  return season?.periods.find((p) => inPeriod(p, z))?.window ?? 'off_peak';
}

/**
 * The site's price at any instant — what curtailment weighs energy avoided with, and aggregation
 * prices each five-minute bucket with. Null before the site's first tariff.
 */
export function tariffAt(tariffs: readonly Tariff[], timeZone: string, instant: Date): PricedInstant | null {
  const tariff = tariffVersionAt(tariffs, instant);
  if (!tariff) return null;
  const window = windowOf(tariff, instant, timeZone);
  return { tariff, window, rateMcPerKwh: tariff.ratesMcPerKwh[window] ?? 0 };
}

export type PricedSlot = { start: Date; tariffId: string | null; window: EnergyWindow; rateMcPerKwh: number };

/**
 * Every `stepMs` slot in [from, to) with its window and rate: the table the SQL aggregation joins its
 * buckets to (12 rows an hour per site), so the tariff logic lives here once and the sums stay in SQL.
 * Before the first tariff a slot is 'flat' at rate 0 (energy counted, cost unknown).
 */
export function pricedSlots(tariffs: readonly Tariff[], timeZone: string, from: Date, to: Date, stepMs = 300_000): PricedSlot[] {
  const out: PricedSlot[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += stepMs) {
    const at = new Date(t);
    const p = tariffAt(tariffs, timeZone, at);
    out.push(p ? { start: at, tariffId: p.tariff.id, window: p.window, rateMcPerKwh: p.rateMcPerKwh } : { start: at, tariffId: null, window: 'flat', rateMcPerKwh: 0 });
  }
  return out;
}

/** Cents for `wh` at `rateMcPerKwh`, rounded half up once (BigInt: a year of a large site overflows 2⁵³ in the product). */
export function energyCents(wh: number, rateMcPerKwh: number): number {
  const product = BigInt(Math.round(wh)) * BigInt(Math.round(rateMcPerKwh));
  return Number((product + 500_000n) / 1_000_000n);
}

/** A $/kWh figure (as sites store it) in m¢/kWh. */
export const usdPerKwhToMc = (usdPerKwh: number | string) => Math.round(Number(usdPerKwh) * 100_000);
