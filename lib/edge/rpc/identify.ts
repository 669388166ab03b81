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
  const type = str(v.Type) ?? str(v.Model) ?? str(v.MODEL);
  const desc = replyDescription(reply);
  // VNish (Antminer aftermarket) names itself somewhere in the version reply, whatever the key.
  const vnishKey = hasKey(v, /vnish/i);
  const vnishText = [...Object.values(v).map((x) => (typeof x === 'string' ? x : '')), desc].find((x) => /vnish/i.test(x));
  if (vnishKey || vnishText) return { vendor: 'vnish', model: type, firmware: `VNish ${str(vnishKey ? v[vnishKey] : null) ?? (vnishText?.match(/vnish[\s:/-]*([\w.-]+)/i)?.[1] ?? '')}`.trim() };
  const lux = hasKey(v, /^luxminer$/i);
  if (lux) return { vendor: 'luxos', model: type, firmware: `LUXminer ${str(v[lux]) ?? ''}`.trim() };
  const bos = hasKey(v, /^bos(er|miner)$/i);
  if (bos) return { vendor: 'braiins', model: type, firmware: str(v[bos]) ?? 'Braiins OS' };
  // Canaan: PROD ("AvalonMiner 1246") on most builds; A12+ control boards also give HWTYPE/DNA/MODEL.
  if (str(v.PROD) || str(v.HWTYPE) || (str(v.DNA) && (str(v.MODEL) || str(v.LVERSION)))) {
    const model = str(v.PROD) ?? (str(v.MODEL) ? `Avalon ${str(v.MODEL)}` : null);
    return { vendor: 'avalon', model, firmware: str(v.LVERSION) ?? str(v.VERSION) ?? str(v.CGMiner) };
  }
  // Auradine Teraflux: GCMiner (older) / FluxOS in the version key or the STATUS description.
  const gc = hasKey(v, /^(gcminer|fluxos)$/i);
  if (gc || /^(gcminer|fluxos)/i.test(desc)) return { vendor: 'auradine', model: type, firmware: gc ? `${gc} ${str(v[gc]) ?? ''}`.trim() : desc.split('-').slice(0, 3).join('-') };
  const bd = hasKey(v, /^bdminer$/i);
  if (bd || /bdminer/i.test(desc)) return { vendor: 'sealminer', model: type, firmware: `bdminer ${str(bd ? v[bd] : null) ?? desc.match(/bdminer\s*([\w.-]+)/i)?.[1] ?? ''}`.trim() };
  const bt = hasKey(v, /^btminer$/i);
  if (bt) return { vendor: 'whatsminer', model: type, firmware: `btminer ${str(v[bt]) ?? ''}`.trim() };
  const bm = hasKey(v, /^bmminer$/i);
  if (bm || type?.toLowerCase().startsWith('antminer')) {
    const miner = str(v.Miner);
    return { vendor: 'antminer', model: type, firmware: `bmminer ${str(bm ? v[bm] : null) ?? ''}${miner ? ` (${miner})` : ''}`.trim() };
  }
  return null;
}

/** STATUS[0].Description ("cgminer 4.11.1", "bdminer 4.11.1"), or "". */
function replyDescription(reply: unknown): string {
  const st = first(reply, 'STATUS');
  return (st && str(st.Description)) ?? '';
}

/** btminer answers `version` with an error on many builds; its `summary` is unmistakable (Factory GHS, Power Mode, Env Temp). */
export function identifyFromSummary(reply: unknown): Identity | null {
  const s = first(reply, 'SUMMARY');
  if (!s) return null;
  if ('Factory GHS' in s || 'Power Mode' in s || 'Env Temp' in s) return { vendor: 'whatsminer', model: null, firmware: null };
  return null;
}
