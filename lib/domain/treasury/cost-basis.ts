import { divRound } from '../billing/money';
import type { Acquisition, Disposal, LotEvent } from './lots';
import { disposedSats, effectiveEntries, type LedgerEntry, MINED_KINDS, SATS_PER_BTC } from './ledger';

/*
 * Production cost per BTC of a month = (energy + entered opex) ÷ BTC produced that month.
 * Energy is the sites' monthly energy cost (power aggregates); opex the hand-entered hosting, staff,
 * maintenance and other costs; produced the pool's daily earnings of the month. A month with
 * neither energy nor opex figures, or with nothing produced, has no cost (null, never 0).
 */

export const OPEX_CATEGORIES = ['hosting', 'staff', 'maintenance', 'other'] as const;
export type OpexCategory = (typeof OPEX_CATEGORIES)[number];

export type MonthInputs = { month: string; energyCents: number | null; opexCents: number | null; producedSats: number | null };
export type MonthCostBasis = MonthInputs & { totalCents: number | null; costCentsPerBtc: number | null };

export function monthCostBasis(m: MonthInputs): MonthCostBasis {
  const totalCents = m.energyCents === null && m.opexCents === null ? null : (m.energyCents ?? 0) + (m.opexCents ?? 0);
  const costCentsPerBtc = totalCents !== null && m.producedSats ? divRound(BigInt(totalCents) * BigInt(SATS_PER_BTC), BigInt(m.producedSats)) : null;
  return { ...m, totalCents, costCentsPerBtc };
}

/** The month (UTC, YYYY-MM) an entry falls in. */
export const monthOf = (at: Date) => at.toISOString().slice(0, 7);

/**
 * The ledger as lot events: each mined inflow a lot costing its share of its month's total,
 * sats × total ÷ produced (rounded once, not via the rounded per-BTC figure); each sale a disposal
 * at its net proceeds (cash received); fees disposals for nothing.
 */
export function lotEventsOf(entries: readonly LedgerEntry[], months: readonly MonthCostBasis[]): LotEvent[] {
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const out: LotEvent[] = [];
  for (const e of effectiveEntries(entries)) {
    if (MINED_KINDS.includes(e.kind)) {
      const m = byMonth.get(monthOf(e.occurredAt));
      const costCents = m && m.totalCents !== null && m.producedSats ? divRound(BigInt(e.sats) * BigInt(m.totalCents), BigInt(m.producedSats)) : null;
      out.push({ type: 'acquire', entryId: e.id, at: e.occurredAt, sats: e.sats, costCents } satisfies Acquisition);
      continue;
    }
    const sats = disposedSats(e);
    if (sats > 0) out.push({ type: 'dispose', entryId: e.id, at: e.occurredAt, sats, proceedsCents: e.kind === 'sale' ? e.cashCents : 0 } satisfies Disposal);
  }
  return out;
}
