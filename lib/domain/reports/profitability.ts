/**
 * A site's month in dollars: pool revenue (sats) at a BTC price, less its energy cost.
 * revenueCents = round(sats × usdPerBtc ÷ 10⁸ × 100), rounded once; margin = revenue − cost; the
 * margin's share of revenue in percent. Each figure is null where an input is missing (no price,
 * no credits, no metered cost): a missing figure is never read as 0.
 */
export function siteMargin(i: { revenueSats: number | null; usdPerBtc: number | null; costCents: number | null }) {
  const revenueCents = i.revenueSats === null || i.usdPerBtc === null ? null : Math.round((i.revenueSats * i.usdPerBtc) / 1_000_000);
  const marginCents = revenueCents === null || i.costCents === null ? null : revenueCents - i.costCents;
  const marginPct = marginCents === null || !revenueCents ? null : (marginCents / revenueCents) * 100;
  return { revenueCents, marginCents, marginPct };
}
