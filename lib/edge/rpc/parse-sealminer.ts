import { boundFields } from './bound-fields';
import { fieldsByAlias, fillMissing, normKey, numList, pickNum } from './fields';
import { type MinerFields, parsePools, parseSummary } from './parse-common';
import { first, hottest, num, section, type Rec } from './reply';

/** The bdminer stats record: the one carrying board or PSU detail, wherever the build puts it. */
function sealStats(stats: unknown): Rec | null {
  const recs = section(stats, 'STATS');
  return recs.find((r) => Object.keys(r).some((k) => /board count|psu|mhs\(rated\)|^\d+ temp/i.test(k))) ?? recs[0] ?? null;
}

/**
 * Bitdeer SealMiner (bdminer, cgminer API in MH/s). `summary` gives shares and the rate
 * windows — the average ("MHS av", "MHS 30m") is the rate of record, "MHS 5s" only the sample;
 * `stats` gives model, MAC, firmware, "PSU Input Power", "MHS(Rated)", per-board "<i> Temp <t>"
 * sensors and chip temperatures, fans as "<i> Speed" with "Fan Count", "System Uptime".
 */
export function parseSealminer(replies: { summary?: unknown; stats?: unknown; pools?: unknown }): Partial<MinerFields> {
  const st = sealStats(replies.stats);
  const s = first(replies.summary, 'SUMMARY');
  const a = fieldsByAlias(st, s);
  const out: Partial<MinerFields> = fillMissing({ ...parseSummary(replies.summary), pools: parsePools(replies.pools), vendor: 'sealminer' }, a);
  if (st) {
    const keys = Object.keys(st);
    const boardTemps = keys.filter((k) => /^\d+temp\d+$/.test(normKey(k)) || /^\d+(board|pcb)temp/.test(normKey(k))).map((k) => num(st[k]));
    const chipTemps = keys.filter((k) => /^\d+chiptemp/.test(normKey(k)) || /^chiptemp/.test(normKey(k))).flatMap((k) => numList(st[k]));
    out.tempBoardMaxC = hottest(boardTemps) ?? a.tempBoardMaxC ?? hottest([pickNum(st, ['Temp'])]);
    out.tempChipMaxC = hottest(chipTemps) ?? a.tempChipMaxC ?? null;
    if (out.hashrateNominalThs == null) {
      const ideal = keys.filter((k) => /^\d+mhsideal$/.test(normKey(k))).reduce((acc, k) => acc + (num(st[k]) ?? 0), 0);
      if (ideal > 0) out.hashrateNominalThs = ideal * 1e-6;
    }
  }
  return boundFields(out);
}
