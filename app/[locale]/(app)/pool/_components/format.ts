/** Display only: satoshis as BTC with 8 decimals, H/s as TH/s or PH/s. */
export const btc = (sats: number | string | null | undefined) => (Number(sats ?? 0) / 1e8).toFixed(8);

export function hashrate(hs: number | string | null | undefined): string {
  const n = Number(hs ?? 0);
  if (n >= 1e15) return `${(n / 1e15).toFixed(2)} PH/s`;
  return `${(n / 1e12).toFixed(1)} TH/s`;
}

/** Minutes as "45 min", "3.5 h" or "2.1 d" — alert durations span all three. */
export function duration(minutes: number): string {
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} d`;
}
