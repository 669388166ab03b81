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
