import { boardsFromEdevs } from './boards';
import { boundFields } from './bound-fields';
import { fansFrom, normMac, pick, pickNum, pickStr } from './fields';
import type { MinerFields } from './parse-common';
import { hottest, isRec, num, str, type Rec } from './reply';

/** msg[key] of a successful v3 reply (code 0), or null. */
function msgPart(reply: unknown, key: string): Rec | null {
  if (!isRec(reply) || reply.code !== 0 || !isRec(reply.msg)) return null;
  const v = reply.msg[key];
  return isRec(v) ? v : null;
}
function msgList(reply: unknown, key: string): Rec[] {
  if (!isRec(reply) || reply.code !== 0 || !isRec(reply.msg)) return [];
  const v = reply.msg[key];
  return Array.isArray(v) ? v.filter(isRec) : [];
}

/** v3 rates are TH/s; a build that states another unit in "hash-unit" is honoured. */
function ths(rec: Rec | null, aliases: string[]): number | null {
  const v = pickNum(rec, aliases);
  if (v === null) return null;
  const unit = pickStr(rec, ['hash-unit', 'unit'])?.toUpperCase();
  return unit?.startsWith('GH') ? v / 1000 : unit?.startsWith('MH') ? v / 1e6 : v;
}

/**
 * Whatsminer API v3 (JSON `cmd` protocol, 2024+ firmware): `get.device.info` (miner.type,
 * network.mac, system.fwversion, power.pin), `get.miner.status` summary (hash-average is the
 * rate of record, hash-realtime the sample, factory-hash, power-realtime,
 * environment-temperature, fan-speed-in/out, elapsed), `pools` and `edevs` (per board
 * chip-temp-max, board temperature). All figures read by alias, units TH/s, W, °C, RPM.
 */
export function parseBtminerV3(replies: { deviceInfo?: unknown; summary?: unknown; pools?: unknown; edevs?: unknown }): Partial<MinerFields> {
  const miner = msgPart(replies.deviceInfo, 'miner');
  const network = msgPart(replies.deviceInfo, 'network');
  const system = msgPart(replies.deviceInfo, 'system');
  const power = msgPart(replies.deviceInfo, 'power');
  const s = msgPart(replies.summary, 'summary');
  const edevs = msgList(replies.edevs, 'edevs');
  const out: Partial<MinerFields> = { vendor: 'whatsminer', boards: boardsFromEdevs(edevs) };
  const type = pickStr(miner, ['type', 'miner-type', 'model']);
  out.model = type;
  const fw = pickStr(system, ['fwversion', 'fw-version', 'firmware']);
  out.firmware = fw ? `btminer v3 ${fw}` : null;
  out.macAddress = normMac(pick(network, ['mac', 'mac-address']));
  out.hashrateAvgThs = ths(s, ['hash-average', 'hash-avg', 'hash-30min', 'hash-15min']);
  out.hashrate5sThs = ths(s, ['hash-realtime', 'hash-5s', 'hash-1min']);
  const factory = ths(s, ['factory-hash', 'hash-factory']);
  const edevFactory = edevs.reduce((a, d) => a + (ths(d, ['factory-hash']) ?? 0), 0);
  out.hashrateNominalThs = factory !== null && factory > 0 ? factory : edevFactory > 0 ? edevFactory : null;
  const watts = pickNum(s, ['power-realtime', 'power', 'power-5min']) ?? pickNum(power, ['pin', 'power-in']);
  if (watts !== null && watts > 0) {
    out.powerW = watts;
    out.powerSource = 'reported';
  }
  out.tempInletC = pickNum(s, ['environment-temperature', 'env-temp', 'inlet-temperature']);
  out.tempChipMaxC = hottest([...numsOf(pick(s, ['chip-temp-max'])), ...edevs.map((d) => pickNum(d, ['chip-temp-max']))]);
  out.tempBoardMaxC = hottest([...numsOf(pick(s, ['board-temperature', 'board-temp'])), ...edevs.map((d) => pickNum(d, ['board-temperature', 'board-temp', 'temperature']))]);
  out.fansRpm = fansFrom(s);
  out.uptimeS = pickNum(s, ['elapsed', 'uptime']);
  out.accepted = pickNum(s, ['accepted', 'shares-accepted']);
  out.rejected = pickNum(s, ['rejected', 'shares-rejected']);
  out.hardwareErrors = pickNum(s, ['hardware-errors', 'hw-errors']);
  out.pools = msgList(replies.pools, 'pools')
    .map((p) => ({
      url: pickStr(p, ['url']) ?? '',
      user: pickStr(p, ['account', 'user', 'worker']) ?? '',
      status: pickStr(p, ['status']) ?? 'unknown',
      accepted: pickNum(p, ['accepted']),
      rejected: pickNum(p, ['rejected']),
    }))
    .filter((p) => p.url !== '');
  return boundFields(out);
}

function numsOf(v: unknown): (number | null)[] {
  if (Array.isArray(v)) return v.map(num);
  return [num(v) ?? num(str(v))];
}

/** True when the status summary carried at least one figure we read: the only ground for "online". */
export function v3Readable(f: Partial<MinerFields>): boolean {
  return f.hashrateAvgThs != null || f.hashrate5sThs != null || f.powerW != null || f.uptimeS != null;
}
