/**
 * Dollars as typed in a form ("12,500", "99.5", "$1 200.00") → integer cents, with why not when it
 * is not an amount. Parsed as text, never through a float, so 0.29 is 29 cents and not 28.
 */
export function centsFromUsdText(raw: string): { cents: number } | { problem: 'negative' | 'invalid' | 'tooLarge' } {
  const text = raw.trim().replace(/^\$/, '').replace(/[,\s]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return { problem: /^-/.test(text) ? 'negative' : 'invalid' };
  if (m[1]) return { problem: 'negative' };
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  // Deals and commissions up to $90 trillion: beyond that the value is a typo, and past 2^53 not exact.
  if (cents > 9_000_000_000_000_000n) return { problem: 'tooLarge' };
  return { cents: Number(cents) };
}

/** Integer cents → the plain text a form field shows and `centsFromUsdText` reads back ("12500.05"); no grouping, no float. */
export function usdTextFromCents(cents: number): string {
  const whole = BigInt(Math.trunc(cents));
  const sign = whole < 0n ? '-' : '';
  const abs = whole < 0n ? -whole : whole;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Basis points → the percent text a form field shows ("2.5" for 250). */
export function pctTextFromBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = String(Math.abs(bps % 100)).padStart(2, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}
