import type { MinerReading } from '../types';
import { boundFields } from './bound-fields';
import { AVG_WINDOWS, pickNum, pickStr, rateByWindow } from './fields';
import { first, num, section, type Rec } from './reply';

/** Everything a parser can learn from replies; read-miner adds address, time and status. */
export type MinerFields = Omit<MinerReading, 'ip' | 'port' | 'collectedAt' | 'online' | 'error'>;

export function emptyFields(): MinerFields {
  return {
    vendor: 'unknown',
    model: null,
    firmware: null,
    macAddress: null,
    hashrate5sThs: null,
    hashrateAvgThs: null,
    hashrateNominalThs: null,
    tempChipMaxC: null,
    tempBoardMaxC: null,
    tempInletC: null,
    tempOutletC: null,
    fansRpm: [],
    powerW: null,
    powerSource: null,
    accepted: null,
    rejected: null,
    hardwareErrors: null,
    uptimeS: null,
    pools: [],
  };
}

const UNIT_TO_THS: Record<string, number> = { THS: 1, GHS: 1e-3, MHS: 1e-6, KHS: 1e-9 };

/** A hashrate under "<unit> <window>" (GHS 5s, MHS av, THS 5s…) in TH/s, whichever unit the firmware chose. */
export function rateThs(rec: Rec, windows: string[]): number | null {
  for (const w of windows) {
    for (const [unit, factor] of Object.entries(UNIT_TO_THS)) {
      const v = num(rec[`${unit} ${w}`]);
      if (v !== null) return v * factor;
    }
  }
  return null;
}

/** The fields every cgminer-derived `summary` shares (hashrate windows, shares, HW errors, elapsed). */
export function parseSummary(reply: unknown): Partial<MinerFields> {
  const s = first(reply, 'SUMMARY');
  if (!s) return {};
  return boundFields({
    hashrate5sThs: rateByWindow(s, ['5s', '1m', '30s']),
    hashrateAvgThs: rateByWindow(s, AVG_WINDOWS),
    accepted: pickNum(s, ['Accepted']),
    rejected: pickNum(s, ['Rejected']),
    hardwareErrors: pickNum(s, ['Hardware Errors', 'hw_all']),
    uptimeS: pickNum(s, ['Elapsed']),
  });
}

export function parsePools(reply: unknown): MinerReading['pools'] {
  return section(reply, 'POOLS')
    .map((p) => ({
      url: pickStr(p, ['URL']) ?? '',
      user: pickStr(p, ['User', 'account', 'username', 'worker']) ?? '',
      status: pickStr(p, ['Status']) ?? 'unknown',
      accepted: pickNum(p, ['Accepted']),
      rejected: pickNum(p, ['Rejected']),
    }))
    .filter((p) => p.url !== '');
}

/** Later sources win only where they know something: a null never overwrites a value. */
export function mergeFields(base: MinerFields, ...parts: Partial<MinerFields>[]): MinerFields {
  const out: MinerFields = { ...base };
  for (const part of parts) {
    for (const [k, v] of Object.entries(part) as [keyof MinerFields, unknown][]) {
      if (v === null || v === undefined) continue;
      if (Array.isArray(v) && v.length === 0) continue;
      (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}
