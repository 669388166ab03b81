import { boundFields } from './bound-fields';
import { bracketFields, fieldsByAlias, fillMissing, normMac, numList, pick, pickNum } from './fields';
import { type MinerFields, parsePools, parseSummary } from './parse-common';
import { first, hottest, isRec, num, section, type Rec } from './reply';

/**
 * The Avalon modules ("MM ID0", "MM ID1"…, or "MM ID0:Summary" on A15/A16 litestats) of a
 * `stats`, `estats` or `litestats` reply, each as a flat record. A module is text
 * ("Ver[…] DNA[…] Temp[31] TMax[77] Fan1[2587] PS[…]") or, on newer firmware, already an object.
 */
export function avalonModules(...replies: unknown[]): Rec[] {
  const out: Rec[] = [];
  for (const reply of replies) {
    for (const rec of section(reply, 'STATS')) {
      for (const [k, v] of Object.entries(rec)) {
        if (!/^mm\s*id\s*\d+/i.test(k)) continue;
        if (typeof v === 'string') out.push(bracketFields(v));
        else if (isRec(v)) out.push(isRec(v.STATS) ? { ...v, ...v.STATS } : v);
      }
    }
  }
  return out;
}

export function hasAvalonModules(reply: unknown): boolean {
  return avalonModules(reply).length > 0;
}

/** PS[err vin vout iout pout …]: the fifth figure is the input power in W (sixth on some builds), as asic-rs reads it. */
function psWatts(ps: unknown): number | null {
  const list = numList(ps);
  for (const i of [4, 5]) {
    const w = list[i];
    if (w !== undefined && w > 0) return w;
  }
  return null;
}

/**
 * Canaan Avalon (A12–A16, Nano, Mini, Q) over the cgminer API: hashrate and shares from
 * `summary` (MH/s), MAC and model from `version`, everything else from the MM ID text of
 * `stats` (or `estats`/`litestats`): Temp = intake, TMax = hottest chip, OTemp/HBOTemp =
 * outlet, Fan1..n, WALLPOWER or PS[] = power, GHSmm = nominal rate.
 */
export function parseAvalon(replies: { summary?: unknown; version?: unknown; stats?: unknown; estats?: unknown; litestats?: unknown; pools?: unknown }): Partial<MinerFields> {
  const mods = avalonModules(replies.stats, replies.estats, replies.litestats);
  const s = first(replies.summary, 'SUMMARY');
  const v = first(replies.version, 'VERSION');
  const out: Partial<MinerFields> = { ...parseSummary(replies.summary), pools: parsePools(replies.pools), vendor: 'avalon' };

  const m0 = mods[0] ?? null;
  // Text fallbacks when `summary` lacks a window: GHSspd is the current speed, GHSavg the average.
  const ghs = (k: string) => {
    const g = pickNum(m0, [k]);
    return g !== null ? g / 1000 : null;
  };
  fillMissing(out, { hashrate5sThs: ghs('GHSspd'), hashrateAvgThs: ghs('GHSavg') }, fieldsByAlias(s));

  const nominalGhs = mods.reduce((acc, m) => acc + (num(pick(m, ['GHSmm'])) ?? 0), 0);
  out.hashrateNominalThs = nominalGhs > 0 ? nominalGhs / 1000 : null;

  out.macAddress = normMac(pick(v ?? {}, ['MAC'])) ?? mods.map((m) => normMac(pick(m, ['MAC']))).find((x) => x) ?? null;
  out.tempInletC = hottest(mods.map((m) => pickNum(m, ['ITemp', 'Temp'])));
  out.tempChipMaxC = hottest(mods.flatMap((m) => [...numList(pick(m, ['TMax'])), ...numList(pick(m, ['MTmax']))]));
  out.tempOutletC = hottest(mods.map((m) => pickNum(m, ['OTemp', 'HBOTemp'])));
  out.tempBoardMaxC = hottest(mods.flatMap((m) => numList(pick(m, ['HBITemp', 'HBTemp']))));
  const fans = mods.flatMap((m) => {
    const numbered = Object.keys(m)
      .filter((k) => /^fan\d+$/i.test(k))
      .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)))
      .map((k) => num(m[k]));
    return numbered.length ? numbered : [num(m.Fan)];
  });
  out.fansRpm = fans.filter((f): f is number => f !== null);

  const watts = mods.reduce((acc, m) => acc + (pickNum(m, ['WALLPOWER']) ?? psWatts(pick(m, ['PS'])) ?? 0), 0);
  if (watts > 0) {
    out.powerW = watts;
    out.powerSource = 'reported';
  }
  out.uptimeS ??= pickNum(m0, ['Elapsed']);
  return boundFields(out);
}
