/** "0.00123456" BTC → 123456 sats, exactly (no float on money). Antpool sends up to 8 decimals. */
export function btcToSats(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0;
  const s = String(value).trim();
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m) throw new Error(`not an amount: ${s}`);
  const frac = (m[3] ?? '').padEnd(8, '0');
  // Sub-satoshi digits round half up; Antpool does not send them for BTC, but be exact if it does.
  const sats = Number(m[2] || '0') * 1e8 + Number(frac.slice(0, 8)) + (Number(frac[8] ?? '0') >= 5 ? 1 : 0);
  return m[1] ? -sats : sats;
}

/** A hashrate string in `unitHs` units (1 for H/s, 1e6 for MH/s…) → integer H/s as a decimal string for numeric columns. */
export function toHs(value: string | number | null | undefined, unitHs = 1): string {
  const n = Number(value ?? 0);
  if (!Number.isFinite(n) || n < 0) return '0';
  return BigInt(Math.round(n * unitHs)).toString();
}

export const UNIT_HS: Record<string, number> = { 'H/s': 1, 'KH/s': 1e3, 'MH/s': 1e6, 'GH/s': 1e9, 'TH/s': 1e12, 'PH/s': 1e15, 'EH/s': 1e18 };
