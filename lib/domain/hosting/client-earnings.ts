/*
 * A hosting client's estimated earnings per day net of its hosting fee, beside what the pool
 * credited — the portal's figures. The client sees only what it earns and what it pays: nothing
 * here reads the host's electricity cost or margin. Until CRM contracts carry a fee per customer,
 * the fee is the energy the client's machines draw at each site's client price
 * (sites.client_usd_per_kwh). Integers throughout: sats and cents.
 *
 *   grossSats  = round(hashrateThs × hashprice [BTC/TH/day] × 10⁸)      (measured hashrate)
 *   grossCents = round(grossSats × btcPriceUsd × 100 / 10⁸)
 *   feeCents   = Σ over sites of round(powerW × 24 / 1000 × clientUsdPerKwh × 100)  (measured power)
 *   netCents   = grossCents − feeCents
 *   feeSats    = round(feeCents × 10⁸ / (btcPriceUsd × 100));  netSats = grossSats − feeSats
 *   credited   = the pool's earnings for the client's workers on its last full day (sats), and
 *                creditedNetCents = round(creditedSats × btcPriceUsd × 100 / 10⁸) − feeCents
 *
 * The fee is unknown (null), and so is every net figure, while a site where the client's machines
 * draw power has no client price; the gross figures stay. No hashprice (no difficulty) → no estimate.
 */

const SATS_PER_BTC = 100_000_000;

export type FeeSite = { powerW: number; clientUsdPerKwh: number | null };

export type ClientEarningsInput = {
  hashrateThs: number;
  /** Null without a usable difficulty. */
  btcPerThDay: number | null;
  btcPriceUsd: number;
  sites: FeeSite[];
  creditedSats: number | null;
};

export type ClientEarnings = {
  grossSats: number | null;
  grossCents: number | null;
  feeCents: number | null;
  feeSats: number | null;
  netSats: number | null;
  netCents: number | null;
  creditedSats: number | null;
  creditedCents: number | null;
  creditedNetCents: number | null;
};

const satsToCents = (sats: number, btcPriceUsd: number) => Math.round((sats * btcPriceUsd * 100) / SATS_PER_BTC);

/** The hosting fee per day in cents, or null while a site that draws power has no client price. */
export function hostingFeeCentsPerDay(sites: FeeSite[]): number | null {
  let cents = 0;
  for (const s of sites) {
    if (s.powerW <= 0) continue;
    if (s.clientUsdPerKwh === null) return null;
    cents += Math.round(((s.powerW * 24) / 1000) * s.clientUsdPerKwh * 100);
  }
  return cents;
}

export function clientEarnings(input: ClientEarningsInput): ClientEarnings {
  const grossSats = input.btcPerThDay === null ? null : Math.round(input.hashrateThs * input.btcPerThDay * SATS_PER_BTC);
  const grossCents = grossSats === null ? null : satsToCents(grossSats, input.btcPriceUsd);
  const feeCents = hostingFeeCentsPerDay(input.sites);
  const feeSats = feeCents === null || input.btcPriceUsd <= 0 ? null : Math.round((feeCents * SATS_PER_BTC) / (input.btcPriceUsd * 100));
  const creditedCents = input.creditedSats === null ? null : satsToCents(input.creditedSats, input.btcPriceUsd);
  return {
    grossSats,
    grossCents,
    feeCents,
    feeSats,
    netSats: grossSats === null || feeSats === null ? null : grossSats - feeSats,
    netCents: grossCents === null || feeCents === null ? null : grossCents - feeCents,
    creditedSats: input.creditedSats,
    creditedCents,
    creditedNetCents: creditedCents === null || feeCents === null ? null : creditedCents - feeCents,
  };
}
