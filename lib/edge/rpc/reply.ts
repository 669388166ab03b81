import { READING_BOUNDS } from '@/lib/validation/edge-bounds';

/** Defensive readers over untrusted firmware replies: wrong types and missing keys become null, never a throw. */
export type Rec = Record<string, unknown>;

export function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The records under `key` (SUMMARY, STATS, POOLS…) of a cgminer reply. */
export function section(reply: unknown, key: string): Rec[] {
  if (!isRec(reply)) return [];
  const v = reply[key];
  return Array.isArray(v) ? v.filter(isRec) : [];
}

export function first(reply: unknown, key: string): Rec | null {
  return section(reply, key)[0] ?? null;
}

/** Numbers arrive as numbers, numeric strings ("37603.30") or "" for an empty chain. */
export function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return String(v);
  return null;
}

const HOTTEST_PLAUSIBLE_C = READING_BOUNDS.tempC.max;

/**
 * The hottest of a miner's temperature sensors. Firmware prints 0 for an absent sensor and a
 * sentinel (255, 65535…) for a failed one, so neither counts: one dead sensor must not hide the
 * others' readings.
 */
export function hottest(values: (number | null)[]): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && v > 0 && v <= HOTTEST_PLAUSIBLE_C && (best === null || v > best)) best = v;
  return best;
}

/** Values of `rec` whose key matches `re`, in key-number order (fan1, fan2… / temp_chip1…). */
export function numbered(rec: Rec, re: RegExp): unknown[] {
  return Object.keys(rec)
    .map((k) => ({ k, m: re.exec(k) }))
    .filter((x): x is { k: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((x) => rec[x.k]);
}

export function round(v: number | null, digits = 3): number | null {
  if (v === null) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
