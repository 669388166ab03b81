import type { MinerReading } from '../types';
import { first, str, type Rec } from './reply';

export type Identity = { vendor: MinerReading['vendor']; model: string | null; firmware: string | null };

function hasKey(rec: Rec, re: RegExp): string | null {
  return Object.keys(rec).find((k) => re.test(k)) ?? null;
}

/**
 * Who is answering, from the `version` reply (what pyasic and asic-rs key on): each firmware
 * names itself in VERSION[0] — BMMiner (Antminer stock), LUXminer (LuxOS), BOSer/BOSminer
 * (Braiins OS), PROD (Avalon), BTMiner (some Whatsminer builds), bdminer (SealMiner).
 */
export function identifyFromVersion(reply: unknown): Identity | null {
  const v = first(reply, 'VERSION');
  if (!v) return null;
  const type = str(v.Type);
  const lux = hasKey(v, /^luxminer$/i);
  if (lux) return { vendor: 'luxos', model: type, firmware: `LUXminer ${str(v[lux]) ?? ''}`.trim() };
  const bos = hasKey(v, /^bos(er|miner)$/i);
  if (bos) return { vendor: 'braiins', model: type, firmware: str(v[bos]) ?? 'Braiins OS' };
  if (str(v.PROD)) return { vendor: 'avalon', model: str(v.PROD), firmware: str(v.LVERSION) ?? str(v.VERSION) ?? str(v.CGMiner) };
  const bd = hasKey(v, /^bdminer$/i);
  if (bd) return { vendor: 'sealminer', model: type, firmware: `bdminer ${str(v[bd]) ?? ''}`.trim() };
  const bt = hasKey(v, /^btminer$/i);
  if (bt) return { vendor: 'whatsminer', model: type, firmware: `btminer ${str(v[bt]) ?? ''}`.trim() };
  const bm = hasKey(v, /^bmminer$/i);
  if (bm || type?.toLowerCase().startsWith('antminer')) {
    const miner = str(v.Miner);
    return { vendor: 'antminer', model: type, firmware: `bmminer ${str(bm ? v[bm] : null) ?? ''}${miner ? ` (${miner})` : ''}`.trim() };
  }
  return null;
}

/** btminer answers `version` with an error on many builds; its `summary` is unmistakable (Factory GHS, Power Mode, Env Temp). */
export function identifyFromSummary(reply: unknown): Identity | null {
  const s = first(reply, 'SUMMARY');
  if (!s) return null;
  if ('Factory GHS' in s || 'Power Mode' in s || 'Env Temp' in s) return { vendor: 'whatsminer', model: null, firmware: null };
  return null;
}
