import { coverNeed, type CoverNeed, runwayBelow, runwayMonths } from './coverage';
import { valueCents } from './ledger';
import { type LotResult, unrealisedPnlCents } from './lots';

/**
 * The headline figures of a position at a price: value of the holdings, unrealised P&L under the
 * chosen method, runway and what covering the next months takes. `priceCentsPerBtc` null (no
 * market figure at all) leaves every price-dependent figure null rather than 0.
 */
export type TreasurySummary = {
  valueCents: number | null;
  unrealisedPnlCents: number | null;
  realisedPnlCents: number;
  runwayMonths: number | null;
  cover: CoverNeed | null;
  runwayAlert: boolean;
};

export function treasurySummary(
  p: { holdingsSats: number; cashCents: number; monthlyOpexCents: number | null },
  lots: Pick<LotResult, 'costCents' | 'knownCostSats' | 'realisedPnlCents'>,
  priceCentsPerBtc: number | null,
  settings: { coverMonths: number; runwayAlertMonths: number },
): TreasurySummary {
  const runway = runwayMonths(p.cashCents, p.monthlyOpexCents);
  return {
    valueCents: priceCentsPerBtc === null ? null : valueCents(p.holdingsSats, priceCentsPerBtc),
    unrealisedPnlCents: priceCentsPerBtc === null ? null : unrealisedPnlCents(lots, priceCentsPerBtc),
    realisedPnlCents: lots.realisedPnlCents,
    runwayMonths: runway,
    cover: coverNeed({ months: settings.coverMonths, cashCents: p.cashCents, opexCents: p.monthlyOpexCents, priceCentsPerBtc }),
    runwayAlert: runwayBelow(runway, settings.runwayAlertMonths),
  };
}
