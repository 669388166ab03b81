import { boundFields } from './bound-fields';
import { type MinerFields, parsePools, parseSummary, rateThs } from './parse-common';
import { isRec, hottest, num, numbered, section, str, type Rec } from './reply';

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
  return section(stats, 'STATS').find((r) => 'chain_rate1' in r || 'total_rateideal' in r || 'fan1' in r) ?? null;
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
  const c = chainStats(replies.stats);
  if (!c) return boundFields(out);

  const unit = RATE_UNIT_TO_THS[str(c.rate_unit)?.toUpperCase() ?? 'GH'] ?? 1e-3;
  const ideal = num(c.total_rateideal);
  if (ideal !== null && ideal > 0) out.hashrateNominalThs = ideal * unit;
  out.hashrate5sThs ??= rateThs(c, ['5s']);
  out.hashrateAvgThs ??= rateThs(c, ['av']);
  out.uptimeS ??= num(c.Elapsed);

  out.tempChipMaxC = hottest(numbered(c, /^temp_chip(\d+)$/).flatMap(dashList));
  out.tempBoardMaxC = hottest([...numbered(c, /^temp_pcb(\d+)$/).flatMap(dashList), ...numbered(c, /^temp(\d+)$/).map(num)]);
  const fanCount = num(c.fan_num);
  const fans = numbered(c, /^fan(\d+)$/).map((v) => num(v) ?? 0);
  out.fansRpm = fanCount !== null ? fans.slice(0, fanCount) : fans;
  return boundFields(out);
}
