import { boardsFromDevs } from './boards';
import { boundFields } from './bound-fields';
import { type MinerFields, parsePools, parseSummary, rateThs } from './parse-common';
import { first, isRec, hottest, num, section, str } from './reply';

/**
 * Whatsminer btminer: hashrate in MH/s, the factory rate as "Factory GHS", power and the
 * power limit, the air inlet as "Env Temp", intake/exhaust fans, MAC in the summary. Board
 * temperatures come from `devs`, firmware from `get_version`, the model from `devdetails`.
 */
export function parseBtminer(replies: {
  summary?: unknown;
  devs?: unknown;
  pools?: unknown;
  getVersion?: unknown;
  devdetails?: unknown;
}): Partial<MinerFields> {
  const out: Partial<MinerFields> = { ...parseSummary(replies.summary), pools: parsePools(replies.pools), vendor: 'whatsminer' };
  const s = first(replies.summary, 'SUMMARY');
  if (s) {
    // Builds without "MHS 5s" publish the real-time rate as "HS RT", in the same MH/s unit as "MHS av".
    out.hashrate5sThs ??= rateThs(s, ['1m']) ?? (num(s['HS RT']) !== null ? num(s['HS RT'])! * 1e-6 : null);
    const factoryGhs = num(s['Factory GHS']);
    if (factoryGhs !== null && factoryGhs > 0) out.hashrateNominalThs = factoryGhs / 1000;
    const power = num(s.Power);
    if (power !== null && power > 0) {
      out.powerW = power;
      out.powerSource = 'reported';
    }
    out.tempInletC = num(s['Env Temp']);
    out.tempChipMaxC = num(s['Chip Temp Max']);
    const fans = [num(s['Fan Speed In']), num(s['Fan Speed Out'])].filter((v): v is number => v !== null);
    if (fans.length) out.fansRpm = fans;
    out.macAddress = str(s.MAC);
  }
  const devs = section(replies.devs, 'DEVS');
  out.boards = boardsFromDevs(devs);
  out.tempBoardMaxC = hottest(devs.map((d) => num(d.Temperature)));
  out.tempChipMaxC ??= hottest(devs.map((d) => num(d['Chip Temp Max'])));
  if (out.hashrateNominalThs == null) {
    const sum = devs.reduce((acc, d) => acc + (num(d['Factory GHS']) ?? 0), 0);
    if (sum > 0) out.hashrateNominalThs = sum / 1000;
  }

  const gv = replies.getVersion;
  if (isRec(gv) && isRec(gv.Msg)) out.firmware = str(gv.Msg.fw_ver);
  const dd = first(replies.devdetails, 'DEVDETAILS');
  if (dd) out.model = str(dd.Model);
  return boundFields(out);
}
