import { RECORD_LIMITS } from '@/lib/validation/edge';
import { inRange, type Range, READING_BOUNDS } from '@/lib/validation/edge-bounds';
import type { MinerReading } from '../types';
import type { MinerFields } from './parse-common';

const { hashrateThs, tempC, powerW, counter, uptimeS, fanRpm } = READING_BOUNDS;
const RANGES: [keyof MinerFields, Range][] = [
  ['hashrate5sThs', hashrateThs],
  ['hashrateAvgThs', hashrateThs],
  ['hashrateNominalThs', hashrateThs],
  ['tempChipMaxC', tempC],
  ['tempBoardMaxC', tempC],
  ['tempInletC', tempC],
  ['tempOutletC', tempC],
  ['powerW', powerW],
  ['accepted', counter],
  ['rejected', counter],
  ['hardwareErrors', counter],
  ['uptimeS', uptimeS],
];
const { text, poolText } = RECORD_LIMITS;

/** Firmware text as the envelope carries it: no NUL (PostgreSQL text cannot hold one), cut to the field's length. */
export function boundText(v: string, max: number): string {
  return v.replaceAll('\u0000', '').slice(0, max);
}

const counterOrNull = (v: number | null) => (v !== null && inRange(v, counter) ? v : null);

/**
 * What a parser read, fitted to the ranges the cloud accepts (lib/validation/edge-bounds.ts): a
 * number outside its range is a firmware sentinel (uptime 4294967295, a 65535 °C sensor, a
 * negative hashrate glitch) and reads as unknown, null, like a value the firmware did not report;
 * a fan with such a speed is left out; text is cut to its field and lists to their length. So one
 * miner's odd reply can never make the cloud refuse the readings it travels with.
 */
export function boundFields<T extends Partial<MinerFields>>(fields: T): T {
  const out: Partial<MinerFields> = { ...fields };
  for (const [key, range] of RANGES) {
    const v = out[key];
    if (v != null && !inRange(v, range)) (out as Record<string, unknown>)[key] = null;
  }
  if (fields.powerW != null && out.powerW === null) out.powerSource = null;
  if (out.fansRpm) out.fansRpm = out.fansRpm.filter((rpm) => inRange(rpm, fanRpm)).slice(0, RECORD_LIMITS.fans);
  if (out.model) out.model = boundText(out.model, text.model) || null;
  if (out.firmware) out.firmware = boundText(out.firmware, text.firmware) || null;
  if (out.macAddress && !RECORD_LIMITS.mac.test(out.macAddress)) out.macAddress = null;
  if (out.pools) out.pools = out.pools.slice(0, RECORD_LIMITS.pools).map(boundPool);
  return out as T;
}

function boundPool(p: MinerReading['pools'][number]): MinerReading['pools'][number] {
  return {
    url: boundText(p.url, poolText.url),
    user: boundText(p.user, poolText.user),
    status: boundText(p.status, poolText.status),
    accepted: counterOrNull(p.accepted),
    rejected: counterOrNull(p.rejected),
  };
}
