import type { BillLine } from '@/lib/domain/power/bill';
import type { Charge } from './invoice';

/*
 * A hosting contract's charges for one month, before tax:
 * - per_kwh: the customer's measured kWh per site and tariff window (the month's power bills) × the
 *   contract's rate (m¢/kWh), one line per site and window so the energy reconciles with the bills;
 * - per_miner_month: covered units × the rate (¢ a unit a month);
 * - per_kw_reserved: reserved kW × the rate (¢ a kW a month);
 * - with energy pass-through, each power bill's own lines (energy at the tariff, demand, fixed);
 * - a revenue share: the month's revenue × the share, when the contract has one and revenue is known.
 */

export const PRICINGS = ['per_kwh', 'per_miner_month', 'per_kw_reserved'] as const;
export type Pricing = (typeof PRICINGS)[number];

export type ContractTerms = { pricing: Pricing; rate: number; reservedKw: number; energyPassThrough: boolean; revenueShareBps: number; startDate: string; termMonths: number; autoRenew: boolean };
export type MonthBill = { billId: string; siteId: string; siteName: string; lines: BillLine[] };
export type MonthInput = { month: string; bills: readonly MonthBill[]; units: number; revenueCents: number | null };

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;

/** Does the contract run in `month` (YYYY-MM)? From its start month for its term; renewed terms when it auto-renews. */
export function contractCoversMonth(c: Pick<ContractTerms, 'startDate' | 'termMonths' | 'autoRenew'>, month: string): boolean {
  const offset = monthIndex(month) - monthIndex(c.startDate.slice(0, 7));
  return offset >= 0 && (c.autoRenew || offset < c.termMonths);
}

/** The end of the current term (exclusive first day of the month after it), renewals counted up to `month`. */
export function termEndMonth(c: Pick<ContractTerms, 'startDate' | 'termMonths' | 'autoRenew'>, month: string): string {
  const start = monthIndex(c.startDate.slice(0, 7));
  const terms = c.autoRenew ? Math.max(1, Math.floor((monthIndex(month) - start) / c.termMonths) + 1) : 1;
  const end = start + terms * c.termMonths;
  return `${Math.floor(end / 12)}-${String((end % 12) + 1).padStart(2, '0')}`;
}

/** Wh as kWh with three decimals, exactly. */
export const kwhOf = (wh: number) => `${Math.trunc(wh / 1000)}.${String(Math.abs(wh) % 1000).padStart(3, '0')}`;
const bpsAsShare = (bps: number) => `${Math.trunc(bps / 10_000)}.${String(bps % 10_000).padStart(4, '0')}`;

export function contractCharges(c: ContractTerms, m: MonthInput): Charge[] {
  const out: Charge[] = [];
  if (c.pricing === 'per_kwh') {
    for (const b of m.bills)
      for (const l of b.lines)
        if (l.kind === 'energy' && l.wh > 0) out.push({ kind: 'energy', quantity: kwhOf(l.wh), unitMc: c.rate, meta: { billId: b.billId, siteId: b.siteId, siteName: b.siteName, window: l.window, wh: l.wh } });
  } else if (c.pricing === 'per_miner_month') {
    out.push({ kind: 'miner_month', quantity: String(m.units), unitMc: c.rate * 1000, meta: { month: m.month } });
  } else {
    out.push({ kind: 'reserved_kw', quantity: String(c.reservedKw), unitMc: c.rate * 1000, meta: { month: m.month } });
  }
  if (c.energyPassThrough)
    for (const b of m.bills)
      for (const l of b.lines) {
        const meta = { billId: b.billId, siteId: b.siteId, siteName: b.siteName };
        if (l.kind === 'energy') out.push({ kind: 'power_energy', quantity: kwhOf(l.wh), unitMc: l.rateMcPerKwh, meta: { ...meta, window: l.window, wh: l.wh } });
        else if (l.kind === 'demand') out.push({ kind: 'power_demand', quantity: '1', unitMc: l.cents * 1000, meta: { ...meta, partyW: l.partyW, rateCentsPerKw: l.rateCentsPerKw } });
        else if (l.kind === 'fixed') out.push({ kind: 'power_fixed', quantity: '1', unitMc: l.cents * 1000, meta: { ...meta, partyWh: l.partyWh, siteWh: l.siteWh } });
      }
  if (c.revenueShareBps > 0 && m.revenueCents !== null && m.revenueCents > 0)
    out.push({ kind: 'revenue_share', quantity: bpsAsShare(c.revenueShareBps), unitMc: m.revenueCents * 1000, meta: { revenueCents: m.revenueCents, shareBps: c.revenueShareBps } });
  return out;
}

/** The part of the charges an SLA credit is a share of: the hosting price itself, not passed-through energy. */
export const slaBaseKinds = new Set(['energy', 'miner_month', 'reserved_kw']);
