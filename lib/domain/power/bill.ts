import { ENERGY_WINDOWS, type EnergyWindow, energyCents, type Tariff, tariffVersionAt } from './tariff';
import { localMonthRange } from './zone';

/*
 * A month's power bill for a site or for one customer at it, from hourly energy. Rules (each line
 * rounded to the cent once; the total is the sum of the lines):
 * - energy: Wh per tariff version and window × that window's rate;
 * - demand: the month is split where a new version takes effect; in each part the site's peak is its
 *   highest hourly average kW, and the party pays its own kW in that hour (its coincident share) ×
 *   the version's demand rate × the part's share of the month's hours;
 * - fixed: the version's monthly charge × the part's share of the month's hours; a customer pays it
 *   in proportion to its share of the site's energy in that part.
 * - hosting (a customer's stored fees at the site): the monthly fee; the fee per miner-month × the
 *   miners it hosts there; the service fee per kWh × the energy billed (rounded like an energy line).
 * An hour belongs to the version in force at its start (versions take effect on local midnights).
 */

export type BillHour = {
  /** Start of the UTC hour. */
  hour: Date;
  /** The billed party's energy in the hour by window (for a site bill, the site's). */
  wh: Partial<Record<EnergyWindow, number>>;
  /** The whole site's energy in the hour: its average W, since an hour is an hour. */
  siteWh: number;
};

export type BillInput = {
  party: 'site' | 'customer';
  month: string;
  timeZone: string;
  tariffs: readonly Tariff[];
  hours: readonly BillHour[];
  hostingFees?: HostingFees;
};

/** A customer's hosting fees at a site (customer_hosting_fees) and the miners it hosts there. */
export type HostingFees = { monthlyCents: number; perMinerMonthCents: number; mcPerKwh: number; miners: number };

export type EnergyLine = { kind: 'energy'; tariffId: string; window: EnergyWindow; wh: number; rateMcPerKwh: number; cents: number };
export type DemandLine = { kind: 'demand'; tariffId: string; peakHour: string | null; sitePeakW: number; partyW: number; rateCentsPerKw: number; hours: number; monthHours: number; cents: number };
export type FixedLine = { kind: 'fixed'; tariffId: string; monthlyCents: number; hours: number; monthHours: number; partyWh: number; siteWh: number; cents: number };
export type HostingFee = 'monthly' | 'per_miner' | 'per_kwh';
/**
 * quantity: 1 month, miners, or Wh; rate: cents a month, cents a miner-month, or milli-cents a kWh.
 * `fee` is absent on lines drafted before fees were stored (a lump sum).
 */
export type HostingLine = { kind: 'hosting'; fee?: HostingFee; quantity?: number; rate?: number; cents: number };
export type BillLine = EnergyLine | DemandLine | FixedLine | HostingLine;

export type Bill = { month: string; from: Date; to: Date; lines: BillLine[]; energyWh: number; totalCents: number };

const HOUR = 3_600_000;

/** round(num / den), half up, exactly. */
function divRound(num: bigint, den: bigint): number {
  return den === 0n ? 0 : Number((2n * num + den) / (2n * den));
}

type Part = { tariff: Tariff; from: number; to: number };

/** The month cut where versions take effect: [from, to) per version in force. */
function partsOf(tariffs: readonly Tariff[], from: number, to: number): Part[] {
  const cuts = [from, ...tariffs.map((t) => t.effectiveFrom.getTime()).filter((t) => t > from && t < to), to].sort((a, b) => a - b);
  const parts: Part[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const tariff = tariffVersionAt(tariffs, new Date(cuts[i]!));
    if (tariff && cuts[i + 1]! > cuts[i]!) parts.push({ tariff, from: cuts[i]!, to: cuts[i + 1]! });
  }
  return parts;
}

const partyWhOf = (h: BillHour) => ENERGY_WINDOWS.reduce((s, w) => s + (h.wh[w] ?? 0), 0);

export function computeBill(input: BillInput): Bill {
  const { from, to } = localMonthRange(input.month, input.timeZone);
  const monthHours = Math.round((to.getTime() - from.getTime()) / HOUR);
  const lines: BillLine[] = [];
  let energyWh = 0;
  for (const part of partsOf(input.tariffs, from.getTime(), to.getTime())) {
    const hours = input.hours.filter((h) => h.hour.getTime() >= part.from && h.hour.getTime() < part.to);
    const partHours = Math.round((part.to - part.from) / HOUR);
    for (const window of ENERGY_WINDOWS) {
      const wh = hours.reduce((s, h) => s + (h.wh[window] ?? 0), 0);
      if (wh === 0) continue;
      const rate = part.tariff.ratesMcPerKwh[window] ?? 0;
      energyWh += wh;
      lines.push({ kind: 'energy', tariffId: part.tariff.id, window, wh, rateMcPerKwh: rate, cents: energyCents(wh, rate) });
    }
    if (part.tariff.demandCentsPerKw > 0) {
      // The earliest of equal peaks, so the answer does not depend on the order hours arrive in.
      const peak = hours.reduce<BillHour | null>((best, h) => (!best || h.siteWh > best.siteWh || (h.siteWh === best.siteWh && h.hour < best.hour) ? h : best), null);
      const partyW = peak ? partyWhOf(peak) : 0;
      const cents = divRound(BigInt(partyW) * BigInt(part.tariff.demandCentsPerKw) * BigInt(partHours), 1000n * BigInt(monthHours));
      lines.push({ kind: 'demand', tariffId: part.tariff.id, peakHour: peak?.hour.toISOString() ?? null, sitePeakW: peak?.siteWh ?? 0, partyW, rateCentsPerKw: part.tariff.demandCentsPerKw, hours: partHours, monthHours, cents });
    }
    if (part.tariff.fixedMonthlyCents > 0) {
      const siteWh = hours.reduce((s, h) => s + h.siteWh, 0);
      const partyWh = hours.reduce((s, h) => s + partyWhOf(h), 0);
      const [num, den] = input.party === 'site' ? [1n, 1n] : [BigInt(partyWh), BigInt(siteWh)];
      const cents = divRound(BigInt(part.tariff.fixedMonthlyCents) * BigInt(partHours) * num, BigInt(monthHours) * den);
      lines.push({ kind: 'fixed', tariffId: part.tariff.id, monthlyCents: part.tariff.fixedMonthlyCents, hours: partHours, monthHours, partyWh, siteWh, cents });
    }
  }
  lines.push(...hostingLines(input.hostingFees, energyWh));
  return { month: input.month, from, to, lines, energyWh, totalCents: lines.reduce((s, l) => s + l.cents, 0) };
}

function hostingLines(fees: HostingFees | undefined, energyWh: number): HostingLine[] {
  if (!fees) return [];
  const lines: HostingLine[] = [];
  if (fees.monthlyCents > 0) lines.push({ kind: 'hosting', fee: 'monthly', quantity: 1, rate: fees.monthlyCents, cents: fees.monthlyCents });
  if (fees.perMinerMonthCents > 0 && fees.miners > 0) lines.push({ kind: 'hosting', fee: 'per_miner', quantity: fees.miners, rate: fees.perMinerMonthCents, cents: fees.miners * fees.perMinerMonthCents });
  if (fees.mcPerKwh > 0 && energyWh > 0) lines.push({ kind: 'hosting', fee: 'per_kwh', quantity: energyWh, rate: fees.mcPerKwh, cents: energyCents(energyWh, fees.mcPerKwh) });
  return lines;
}
