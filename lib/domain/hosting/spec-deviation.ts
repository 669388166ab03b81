export type SpecRow = { key: 'hashrate' | 'power' | 'efficiency'; nominal: number; actual: number | null; deviationPct: number | null; tone: 'ok' | 'warn' | 'bad' | 'muted' };

// Beyond 5% off spec is worth a look, beyond 15% something is wrong (a dead board, a bad PSU).
const WARN_PCT = 5;
const BAD_PCT = 15;

/**
 * Nominal (model spec) against measured figures. "Worse" depends on the figure: less hashrate, more
 * power or more J/TH is bad; better than spec is fine. Efficiency is only measured when both
 * hashrate and power are.
 */
export function specDeviation(nominal: { hashrateThs: number; powerW: number }, actual: { hashrateThs: number | null; powerW: number | null } | null): SpecRow[] {
  const nominalJth = nominal.hashrateThs > 0 ? nominal.powerW / nominal.hashrateThs : 0;
  const hashrate = actual?.hashrateThs ?? null;
  const power = actual?.powerW ?? null;
  const jth = hashrate !== null && power !== null && hashrate > 0 ? power / hashrate : null;
  return [row('hashrate', nominal.hashrateThs, hashrate, -1), row('power', nominal.powerW, power, 1), row('efficiency', nominalJth, jth, 1)];
}

function row(key: SpecRow['key'], nominal: number, actual: number | null, worseSign: 1 | -1): SpecRow {
  if (actual === null || nominal <= 0) return { key, nominal, actual, deviationPct: null, tone: 'muted' };
  const deviationPct = ((actual - nominal) / nominal) * 100;
  const worse = deviationPct * worseSign;
  return { key, nominal, actual, deviationPct, tone: worse > BAD_PCT ? 'bad' : worse > WARN_PCT ? 'warn' : 'ok' };
}
