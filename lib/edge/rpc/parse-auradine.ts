import { boundFields } from './bound-fields';
import { normMac, pick, pickStr } from './fields';
import { type MinerFields, parsePools, parseSummary } from './parse-common';
import { first, hottest, isRec, num, section } from './reply';

/** "58.94W", "4052.00 RPM", "245.00V" → the number; a bare number passes through. */
export function numWithUnit(v: unknown): number | null {
  const n = num(v);
  if (n !== null) return n;
  if (typeof v !== 'string') return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*[a-zA-Z%°]*\s*$/.exec(v);
  return m ? Number(m[1]) : null;
}

function temps(list: unknown): (number | null)[] {
  return Array.isArray(list) ? list.map((t) => (isRec(t) ? num(t.Temperature) : num(t))) : [];
}

/**
 * Auradine Teraflux (GCMiner/FluxOS cgminer API, MH/s): `summary`, `fan` (Fan[].Speed RPM),
 * `temperature` (per hash board BoardTemp[]/ChipTemp[]; the control board is not a hash board),
 * `psu` (PowerIn as text with its unit, "58.94W"), `ipreport` (model, MAC), `pools`.
 */
export function parseAuradine(replies: { summary?: unknown; fan?: unknown; temperature?: unknown; psu?: unknown; ipreport?: unknown; pools?: unknown }): Partial<MinerFields> {
  const out: Partial<MinerFields> = { ...parseSummary(replies.summary), pools: parsePools(replies.pools), vendor: 'auradine' };
  const fans = section(replies.fan, 'Fan').map((f) => numWithUnit(pick(f, ['Speed', 'RPM'])));
  out.fansRpm = fans.filter((f): f is number => f !== null);
  const boards = section(replies.temperature, 'Temperature').filter((b) => !/control/i.test(String(b.Name ?? '')));
  out.tempBoardMaxC = hottest(boards.flatMap((b) => temps(b.BoardTemp)));
  out.tempChipMaxC = hottest(boards.flatMap((b) => temps(b.ChipTemp)));
  const psu = first(replies.psu, 'PSU');
  const watts = numWithUnit(pick(psu, ['PowerIn', 'Power In', 'Pin']));
  if (watts !== null && watts > 0) {
    out.powerW = watts;
    out.powerSource = 'reported';
  }
  const ip = first(replies.ipreport, 'IPReport');
  out.model = pickStr(ip, ['model']);
  out.macAddress = normMac(pick(ip, ['mac']));
  return boundFields(out);
}
