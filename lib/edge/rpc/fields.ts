import { boundFields } from './bound-fields';
import type { MinerFields } from './parse-common';
import { hottest, isRec, num, str, type Rec } from './reply';

/**
 * Field aliases across the cgminer family. Firmware spells one figure many ways ("Env Temp",
 * "env_temp", "environment-temperature", "ITemp"), so keys are compared normalised: lower case,
 * without spaces, underscores, dashes, dots or brackets. A parser names the figure, not the path.
 */
export function normKey(k: string): string {
  return k.toLowerCase().replace(/[\s_\-.()/:]/g, '');
}

/** The value under the first alias present in `rec` (normalised comparison), or undefined. */
export function pick(rec: Rec | null | undefined, aliases: readonly string[]): unknown {
  if (!rec) return undefined;
  const wanted = aliases.map(normKey);
  const keys = new Map<string, string>();
  for (const k of Object.keys(rec)) if (!keys.has(normKey(k))) keys.set(normKey(k), k);
  for (const w of wanted) {
    const k = keys.get(w);
    if (k !== undefined && rec[k] !== undefined && rec[k] !== null && rec[k] !== '') return rec[k];
  }
  return undefined;
}

export const pickNum = (rec: Rec | null | undefined, aliases: readonly string[]) => num(pick(rec, aliases));
export const pickStr = (rec: Rec | null | undefined, aliases: readonly string[]) => str(pick(rec, aliases));

const PREFIX_TO_THS: Record<string, number> = { k: 1e-9, m: 1e-6, g: 1e-3, t: 1, p: 1e3 };

/** "GH", "GH/s", "GHS", "ths", "MH/s" → factor to TH/s; null for anything else. */
export function unitToThs(unit: unknown): number | null {
  const u = typeof unit === 'string' ? unit.trim().toLowerCase().replace(/\/s$|s$/, '') : '';
  const m = /^([kmgtp])h$/.exec(u);
  return m ? PREFIX_TO_THS[m[1]!]! : null;
}

/**
 * A hashrate in TH/s under "<unit> <window>" for the first window present, whatever the unit
 * and spelling: "GHS 5s", "MHS av", "mhs_30m", "THS av", "GHS 1m". Windows are tried in order.
 */
export function rateByWindow(rec: Rec | null | undefined, windows: readonly string[]): number | null {
  if (!rec) return null;
  const byWindow = new Map<string, number>();
  for (const [k, v] of Object.entries(rec)) {
    const m = /^([kmgtp])hs?(.+)$/.exec(normKey(k));
    const n = num(v);
    if (!m || n === null) continue;
    const w = m[2]!;
    if (!byWindow.has(w)) byWindow.set(w, n * PREFIX_TO_THS[m[1]!]!);
  }
  for (const w of windows) {
    const v = byWindow.get(normKey(w));
    if (v !== undefined) return v;
  }
  return null;
}

/** Rate windows: the average is the rate of record, never the 5-second sample. */
export const AVG_WINDOWS = ['av', 'avg', '30m', '15m', '1h', '5m'] as const;
/** The factory (nominal) rate: bdminer "MHS(Rated)", Avalon "GHSmm", "GHS ideal". */
export const NOMINAL_WINDOWS = ['rated', 'ideal', 'mm'] as const;
export const SHORT_WINDOWS = ['5s', '1m', '30s', '10s', 'rt'] as const;

/**
 * Rates named rate_5s / rate_avg / rate_30m / rate_ideal beside a "rate_unit" (Antminer 2023+
 * firmware, RPC and web alike). Without a rate_unit nothing is guessed.
 */
export function rateWithUnit(rec: Rec | null | undefined, names: readonly string[]): number | null {
  if (!rec) return null;
  const factor = unitToThs(pick(rec, ['rate_unit', 'rateunit', 'unit']));
  if (factor === null) return null;
  for (const n of names) {
    const v = num(pick(rec, [n]));
    if (v !== null) return v * factor;
  }
  return null;
}

/**
 * Avalon (and other Canaan cgminer drivers) pack their detail into text: "Ver[1246-…] DNA[0201…]
 * Temp[31] TMax[77] Fan1[2587] PS[0 1215 2428 65 1601 2429 1673] GHSmm[97000.00]". Returns
 * key → raw text. Nested brackets (litestats "MM ID0:Summary[STATS[…]]" style) are flattened.
 */
export function bracketFields(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z][\w ]*?)\[([^[\]]*)\]/g;
  let m: RegExpExecArray | null;
  let guard = 0;
  let rest = text;
  // Innermost first, repeatedly, so "A[B[1] C[2]]" yields B and C.
  while (guard++ < 8) {
    let found = false;
    re.lastIndex = 0;
    while ((m = re.exec(rest)) !== null) {
      const key = m[1]!.trim().split(/\s+/).pop()!;
      if (!(key in out)) out[key] = m[2]!.trim();
      found = true;
    }
    if (!found) break;
    rest = rest.replace(re, ' ');
  }
  return out;
}

/** "61 63 60" / "61-63-60" / [61, 63] → numbers (drops what is not a number). */
export function numList(v: unknown): number[] {
  if (Array.isArray(v)) return v.map(num).filter((x): x is number => x !== null);
  if (typeof v === 'number') return Number.isFinite(v) ? [v] : [];
  if (typeof v !== 'string') return [];
  return v
    .split(/[\s,]+|(?<=\d)-(?=\d)/)
    .map((x) => num(x.replace(/%$/, '')))
    .filter((x): x is number => x !== null);
}

/** A MAC in any common spelling (aa:bb…, AA-BB…, aabbccddeeff) as upper-case colon form, or null. */
export function normMac(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const hex = s.replace(/[:\-.\s]/g, '');
  if (!/^[0-9a-fA-F]{12}$/.test(hex)) return null;
  return hex.toUpperCase().match(/../g)!.join(':');
}

/** Values of `rec` whose normalised key matches `re` (first group = ordinal), in ordinal order. */
export function numberedBy(rec: Rec | null | undefined, re: RegExp): unknown[] {
  if (!rec) return [];
  return Object.keys(rec)
    .map((k) => ({ k, m: re.exec(normKey(k)) }))
    .filter((x): x is { k: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((x) => rec[x.k]);
}

/**
 * The alias table: for each normalised field, the spellings seen across bmminer, btminer (v2/v3),
 * bdminer, Avalon, Braiins, VNish, Auradine. Applied to any flat record a vendor parser hands in.
 */
export const ALIASES = {
  model: ['Type', 'Model', 'Miner Type', 'miner_type', 'Product', 'PROD', 'MODEL'],
  mac: ['MAC', 'MACAddr', 'mac_address', 'macaddr', 'MAC Address', 'mac'],
  firmware: ['Firmware', 'Firmware Version', 'fw_ver', 'fwversion', 'firmware_version'],
  powerW: ['Power', 'PSU Input Power', 'Input Power', 'power-realtime', 'Power Realtime', 'WALLPOWER', 'watt', 'Watts', 'wattage', 'Power Consumption', 'ApproximateMinerPowerConsumption'],
  tempInletC: ['Env Temp', 'environment-temperature', 'Inlet Temp', 'Intake Temp', 'Temp Inlet', 'ITemp', 'Ambient Temp', 'inlet_temp'],
  tempOutletC: ['Outlet Temp', 'Exhaust Temp', 'Temp Outlet', 'OTemp', 'HBOTemp', 'outlet_temp'],
  tempChipMaxC: ['Chip Temp Max', 'chip-temp-max', 'Temp Chip Max', 'TMax', 'MTmax', 'chip_temp_max', 'Max Chip Temp'],
  tempBoardMaxC: ['Temperature', 'Board Temp', 'Board Temp Max', 'board_temp', 'MTavg'],
  uptimeS: ['Elapsed', 'System Uptime', 'Uptime', 'elapsed', 'uptime'],
  accepted: ['Accepted'],
  rejected: ['Rejected'],
  hardwareErrors: ['Hardware Errors', 'hw_all', 'HW', 'Hardware errors'],
} as const;

/** Fans: fan1..fanN, "Fan Speed In/Out", "fan-speed-in", "0 Speed" (bdminer), "Fan1" in Avalon text. */
export function fansFrom(rec: Rec | null | undefined): number[] {
  if (!rec) return [];
  const count = pickNum(rec, ['fan_num', 'Fan Count', 'fan count']);
  let fans = numberedBy(rec, /^fan(\d+)$/).map(num);
  if (!fans.length) fans = numberedBy(rec, /^(\d+)speed$/).map(num);
  if (!fans.length) fans = [pickNum(rec, ['Fan Speed In', 'fan-speed-in']), pickNum(rec, ['Fan Speed Out', 'fan-speed-out'])];
  if (!fans.some((f) => f !== null)) {
    const arr = pick(rec, ['fan', 'fans', 'Fan']);
    fans = Array.isArray(arr) ? arr.map((f) => (isRec(f) ? pickNum(f, ['rpm', 'speed']) : num(f))) : numList(arr);
  }
  const list = fans.filter((f): f is number => f !== null);
  return count !== null && count >= 0 ? list.slice(0, count) : list;
}

/** Everything the alias table finds in `recs` (earlier records win), fitted to the envelope's bounds. */
export function fieldsByAlias(...recs: (Rec | null | undefined)[]): Partial<MinerFields> {
  const first = <T>(f: (r: Rec) => T | null): T | null => {
    for (const r of recs) {
      if (!r) continue;
      const v = f(r);
      if (v !== null && !(Array.isArray(v) && v.length === 0)) return v;
    }
    return null;
  };
  const power = first((r) => {
    const w = pickNum(r, ALIASES.powerW);
    return w !== null && w > 0 ? w : null;
  });
  return boundFields({
    model: first((r) => pickStr(r, ALIASES.model)),
    macAddress: first((r) => normMac(pick(r, ALIASES.mac))),
    firmware: first((r) => pickStr(r, ALIASES.firmware)),
    hashrate5sThs: first((r) => rateByWindow(r, SHORT_WINDOWS) ?? rateWithUnit(r, ['rate_5s', 'rate_1m'])),
    hashrateAvgThs: first((r) => rateByWindow(r, AVG_WINDOWS) ?? rateWithUnit(r, ['rate_avg', 'rate_30m', 'rate_15m'])),
    hashrateNominalThs: first((r) => {
      const v = rateByWindow(r, NOMINAL_WINDOWS) ?? rateWithUnit(r, ['rate_ideal', 'total_rateideal']);
      return v !== null && v > 0 ? v : null;
    }),
    powerW: power,
    powerSource: power !== null ? ('reported' as const) : null,
    tempInletC: first((r) => pickNum(r, ALIASES.tempInletC)),
    tempOutletC: first((r) => pickNum(r, ALIASES.tempOutletC)),
    tempChipMaxC: first((r) => hottest(numList(pick(r, ALIASES.tempChipMaxC)))),
    tempBoardMaxC: first((r) => hottest(numList(pick(r, ALIASES.tempBoardMaxC)))),
    fansRpm: first((r) => fansFrom(r)) ?? [],
    uptimeS: first((r) => pickNum(r, ALIASES.uptimeS)),
    accepted: first((r) => pickNum(r, ALIASES.accepted)),
    rejected: first((r) => pickNum(r, ALIASES.rejected)),
    hardwareErrors: first((r) => pickNum(r, ALIASES.hardwareErrors)),
  });
}

/** Fills what `out` lacks (null, undefined or an empty list) from later parts, in order. */
export function fillMissing<T extends Partial<MinerFields>>(out: T, ...parts: Partial<MinerFields>[]): T {
  const o = out as Record<string, unknown>;
  for (const part of parts) {
    for (const [k, v] of Object.entries(part)) {
      if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      const cur = o[k];
      if (cur === null || cur === undefined || (Array.isArray(cur) && cur.length === 0)) o[k] = v;
    }
  }
  return out;
}
