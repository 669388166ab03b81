import { boardsFromChains, boardsFromNumbered } from './boards';
import { boundFields } from './bound-fields';
import { type MinerFields, parsePools, parseSummary, rateThs } from './parse-common';
import { fieldsByAlias, fillMissing, numList, pickNum, pickStr, unitToThs } from './fields';
import { first, isRec, hottest, num, numbered, section, str, type Rec } from './reply';

/** "78-50-69-70" (four sensors of one chain) → numbers. */
function dashList(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (typeof v !== 'string') return [];
  return v
    .split('-')
    .map((x) => Number(x))
    .filter((x) => Number.isFinite(x));
}

/** STATS[1] on bmminer; found by content because some builds put the Type record elsewhere. */
function chainStats(stats: unknown): Rec | null {
  return section(stats, 'STATS').find((r) => 'chain_rate1' in r || 'total_rateideal' in r || 'fan1' in r || Array.isArray(r.chain)) ?? null;
}

const RATE_UNIT_TO_THS: Record<string, number> = { TH: 1, GH: 1e-3, MH: 1e-6 };

/**
 * Antminer stock firmware (bmminer; the LuxOS `stats` keeps the same keys): hashrate in GH/s,
 * per-chain chip and PCB temperatures as dash-separated sensor lists, fan1..fan4, and the
 * factory ("ideal") rate as total_rateideal. bmminer reports no power and no MAC over RPC.
 */
export function parseBmminer(replies: { summary?: unknown; stats?: unknown; pools?: unknown }): Partial<MinerFields> {
  const out: Partial<MinerFields> = { ...parseSummary(replies.summary), pools: parsePools(replies.pools) };
  const typeRec = section(replies.stats, 'STATS').find((r) => isRec(r) && 'Type' in r);
  if (typeRec) out.model = str(typeRec.Type);
  // 2023+ web-style replies name the model in INFO.type.
  const info = isRec(replies.stats) && isRec(replies.stats.INFO) ? replies.stats.INFO : null;
  out.model ??= pickStr(info, ['type', 'Type']);
  const c = chainStats(replies.stats);
  if (!c) return boundFields(fillMissing(out, fieldsByAlias(first(replies.summary, 'SUMMARY'))));
  if (Array.isArray(c.chain)) return boundFields(fillMissing(out, chainArrayFields(c), fieldsByAlias(first(replies.summary, 'SUMMARY'), c)));

  const unit = RATE_UNIT_TO_THS[str(c.rate_unit)?.toUpperCase() ?? 'GH'] ?? 1e-3;
  const ideal = num(c.total_rateideal);
  if (ideal !== null && ideal > 0) out.hashrateNominalThs = ideal * unit;
  out.hashrate5sThs ??= rateThs(c, ['5s']);
  out.hashrateAvgThs ??= rateThs(c, ['av']);
  out.uptimeS ??= num(c.Elapsed);

  out.boards = boardsFromNumbered(c, unit);
  out.tempChipMaxC = hottest(numbered(c, /^temp_chip(\d+)$/).flatMap(dashList));
  out.tempBoardMaxC = hottest([...numbered(c, /^temp_pcb(\d+)$/).flatMap(dashList), ...numbered(c, /^temp(\d+)$/).map(num)]);
  const fanCount = num(c.fan_num);
  const fans = numbered(c, /^fan(\d+)$/).map((v) => num(v) ?? 0);
  out.fansRpm = fanCount !== null ? fans.slice(0, fanCount) : fans;
  // 2023+ bmminer adds rate_30m beside rate_unit; power when a build reports it.
  return boundFields(fillMissing(out, fieldsByAlias(c)));
}

/**
 * Antminer 2023+ (stats.cgi and its RPC twin on newer builds): STATS[0].chain[] with per-chain
 * temp_chip/temp_pcb arrays, rate_real/rate_ideal, a fan[] array, rate_5s/rate_avg/rate_ideal
 * beside rate_unit ("GH/s"), and "watt" on hydro models.
 */
function chainArrayFields(c: Rec): Partial<MinerFields> {
  const chains = (c.chain as unknown[]).filter(isRec);
  const unit = unitToThs(c.rate_unit) ?? 1e-3;
  const idealSum = chains.reduce((acc, ch) => acc + (num(ch.rate_ideal) ?? 0), 0);
  const ideal = num(c.rate_ideal) ?? (idealSum > 0 ? idealSum : null);
  return {
    boards: boardsFromChains(chains, unit),
    hashrateNominalThs: ideal !== null && ideal > 0 ? ideal * unit : null,
    tempChipMaxC: hottest(chains.flatMap((ch) => numList(ch.temp_chip))),
    tempBoardMaxC: hottest(chains.flatMap((ch) => numList(ch.temp_pcb))),
    fansRpm: numList(c.fan),
    uptimeS: pickNum(c, ['elapsed']),
  };
}
