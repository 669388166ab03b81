import type { Scope } from '@/lib/core/scope';
import type { MonthCostBasis } from '@/lib/domain/treasury/cost-basis';
import { lotEventsOf } from '@/lib/domain/treasury/cost-basis';
import { monthlyOpexCents } from '@/lib/domain/treasury/coverage';
import { holdingsOf } from '@/lib/domain/treasury/ledger';
import { averageCostCentsPerBtc, averageCostLots, fifoLots, type Lot, type LotResult } from '@/lib/domain/treasury/lots';
import type { Db } from '../../client';
import { ledgerEntries } from './ledger';
import { costBasisMonths } from './months';

/**
 * The treasury as of `now`, rebuilt from the ledger: holdings, cash, FIFO lots, both cost methods,
 * the monthly opex (mean of the last three complete months with costs) and the months' cost basis.
 * No price: value it with the market's price and its as-of (lib/domain/treasury/lots
 * unrealisedPnlCents, ledger valueCents). Entries after `now` are left out.
 */
export type TreasuryPosition = {
  asOf: Date;
  holdingsSats: number;
  cashCents: number;
  byWallet: Record<string, number>;
  /** Remaining FIFO lots, oldest first; costCents null where the month had no production cost. */
  lots: Lot[];
  fifo: LotResult;
  average: LotResult;
  /** Mean cost per BTC of the held sats of known cost (average-cost method); null when none. */
  averageCostCentsPerBtc: number | null;
  /** Null when no complete month has cost figures. */
  monthlyOpexCents: number | null;
  opexMonths: string[];
  months: MonthCostBasis[];
};

export async function getTreasuryPosition(db: Db, scope: Scope, now: Date): Promise<TreasuryPosition> {
  const [all, months] = await Promise.all([ledgerEntries(db, scope), costBasisMonths(db, scope, now)]);
  const entries = all.filter((e) => e.occurredAt.getTime() <= now.getTime());
  const h = holdingsOf(entries);
  const events = lotEventsOf(entries, months);
  const fifo = fifoLots(events);
  const average = averageCostLots(events);
  const opex = monthlyOpexCents(months, now);
  return {
    asOf: now,
    holdingsSats: h.totalSats,
    cashCents: h.cashCents,
    byWallet: h.byWallet,
    lots: fifo.lots,
    fifo,
    average,
    averageCostCentsPerBtc: averageCostCentsPerBtc(average),
    monthlyOpexCents: opex?.cents ?? null,
    opexMonths: opex?.months ?? [],
    months,
  };
}
