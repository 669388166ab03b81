import { boardsFromChains } from './boards';
import { boundFields } from './bound-fields';
import { fansFrom, fieldsByAlias, fillMissing, normMac, numList, pick, pickNum, pickStr, rateWithUnit, unitToThs } from './fields';
import type { MinerFields } from './parse-common';
import { hottest, isRec, num, section, str, type Rec } from './reply';

/**
 * A chip temperature as Elphapex web stats give it: °C, or milli-°C text ("68250") on DG1-class
 * boards (pyasic divides by 1000); 0 and "" mean no sensor.
 */
function celsius(v: unknown): number | null {
  const n = num(v);
  if (n === null || n === 0) return null;
  return n > 1000 ? n / 1000 : n;
}

/** Every record of a section, whichever entry carries a key (Elphapex splits SUMMARY/STATS into two entries). */
function withKey(recs: Rec[], keys: string[]): Rec | null {
  return recs.find((r) => pick(r, keys) !== undefined) ?? null;
}

/**
 * Elphapex (DG1 / DG1+ / DG Home, Scrypt) over its web CGIs behind digest auth, as pyasic reads
 * them (pyasic/miners/backends/elphapex.py, Apache-2.0): get_system_info.cgi (minertype, macaddr,
 * system_filesystem_version), summary.cgi (SUMMARY[] with rate_5s/rate_avg/rate_30m beside
 * rate_unit; elapsed in a second entry on some builds), stats.cgi (STATS[0].chain[] with rate_real
 * in MH/s, asic_num, temp_pcb, temp_chip; fan[]; STATS[1].total_rateideal with rate_unit),
 * pools.cgi (POOLS[] url/user/status/accepted/rejected). Keys compared case- and
 * spelling-insensitively; numbers may be text.
 */
export function parseElphapex(r: { systemInfo?: unknown; summary?: unknown; stats?: unknown; pools?: unknown }): Partial<MinerFields> {
  const info = isRec(r.systemInfo) ? r.systemInfo : null;
  const summaries = section(r.summary, 'SUMMARY');
  const stats = section(r.stats, 'STATS');
  const rates = withKey(summaries, ['rate_avg', 'rate_5s', 'rate_30m']) ?? withKey(stats, ['rate_avg', 'rate_5s']);
  const chains = stats.flatMap((s) => (Array.isArray(s.chain) ? s.chain.filter(isRec) : []));
  const ideal = withKey(stats, ['total_rateideal', 'rate_ideal']);
  const idealUnit = unitToThs(pick(ideal, ['rate_unit'])) ?? unitToThs(pick(rates, ['rate_unit'])) ?? 1e-6;
  const idealValue = pickNum(ideal, ['total_rateideal', 'rate_ideal']);
  const fanRec = withKey(stats, ['fan']);
  const elapsed = withKey(summaries, ['elapsed']) ?? withKey(stats, ['elapsed']);

  const out: Partial<MinerFields> = {
    vendor: 'elphapex',
    // rate_real is in MH/s on these boards (pyasic); the container's rate_unit when it names one.
    boards: boardsFromChains(chains, unitToThs(pick(withKey(stats, ['chain']), ['rate_unit'])) ?? 1e-6, celsius),
    model: pickStr(info, ['minertype', 'miner_type', 'type']) ?? pickStr(isRec((r.summary as Rec | null)?.INFO) ? ((r.summary as Rec).INFO as Rec) : null, ['type']),
    firmware: pickStr(info, ['system_filesystem_version', 'firmware_version', 'fw_version']),
    macAddress: normMac(pick(info, ['macaddr', 'mac'])),
    hashrate5sThs: rateWithUnit(rates, ['rate_5s']),
    // The average window is the rate of record; the 30-minute one when no average is given.
    hashrateAvgThs: rateWithUnit(rates, ['rate_avg', 'rate_30m']),
    hashrateNominalThs: idealValue !== null && idealValue > 0 ? idealValue * idealUnit : null,
    tempChipMaxC: hottest(chains.flatMap((ch) => (Array.isArray(ch.temp_chip) ? ch.temp_chip : numList(ch.temp_chip)).map(celsius))),
    tempBoardMaxC: hottest(chains.flatMap((ch) => numList(ch.temp_pcb).map(celsius))),
    fansRpm: fanRec ? numList(fanRec.fan).filter((f) => f >= 0) : [],
    uptimeS: pickNum(elapsed, ['elapsed']),
    accepted: pickNum(withKey(summaries, ['accepted']), ['accepted']),
    rejected: pickNum(withKey(summaries, ['rejected']), ['rejected']),
    hardwareErrors: pickNum(withKey(summaries, ['hw_all', 'hw']), ['hw_all', 'hw']),
    pools: section(r.pools, 'POOLS').map((p) => ({
      url: str(pick(p, ['url'])) ?? '',
      user: str(pick(p, ['user'])) ?? '',
      status: str(pick(p, ['status'])) ?? '',
      accepted: pickNum(p, ['accepted']),
      rejected: pickNum(p, ['rejected']),
    })),
  };
  if (!out.fansRpm?.length) out.fansRpm = fansFrom(fanRec);
  return boundFields(fillMissing(out, fieldsByAlias(rates)));
}

/** Something an Elphapex web API said about itself: its system info names a DG model or the vendor. */
export function isElphapexInfo(systemInfo: unknown): boolean {
  if (!isRec(systemInfo)) return false;
  const text = [pick(systemInfo, ['minertype', 'miner_type', 'type']), pick(systemInfo, ['system_filesystem_version']), pick(systemInfo, ['vendor', 'brand'])].map((v) => (typeof v === 'string' ? v : '')).join(' ');
  return /elphapex|\bdg\s?(1|home|2)/i.test(text);
}
