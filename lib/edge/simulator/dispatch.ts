import { bmDevs, bmPools, bmStats, bmSummary, bmVersion } from './replies-antminer';
import { avPools, avStats, avSummary, avVersion, avWrite } from './replies-avalon';
import { bosRead, vnishVersion } from './replies-braiins';
import { auFan, auIpreport, auPools, auPsu, auSummary, auTemperature, auVersion } from './replies-auradine';
import { invalidCommand, type Reply } from './replies-common';
import { bdPools, bdStats, bdSummary, bdVersion, bdWrite } from './replies-sealminer';
import { luxRead, luxWrite } from './replies-luxos';
import { btDevdetails, btDevs, btGetVersion, btPools, btStatus, btSummary } from './replies-whatsminer';
import type { SimMiner } from './sim-miner';

export type Dispatched = { text: string; reboot: boolean };

const BM: Record<string, (m: SimMiner, now: number) => Reply> = {
  version: bmVersion,
  summary: bmSummary,
  stats: bmStats,
  pools: bmPools,
  devs: bmDevs,
};
const BT: Record<string, (m: SimMiner, now: number) => Reply> = {
  summary: btSummary,
  devs: btDevs,
  pools: btPools,
  get_version: btGetVersion,
  status: btStatus,
  devdetails: btDevdetails,
};

const AV: Record<string, (m: SimMiner, now: number) => Reply> = { version: avVersion, summary: avSummary, stats: avStats, pools: avPools };
const AU: Record<string, (m: SimMiner, now: number) => Reply> = { version: auVersion, summary: auSummary, fan: auFan, temperature: auTemperature, psu: auPsu, ipreport: auIpreport, pools: auPools };
const BD: Record<string, (m: SimMiner, now: number) => Reply> = { version: bdVersion, summary: bdSummary, stats: bdStats, pools: bdPools };

/**
 * Answers one request the way the impersonated firmware would, serialised as cgminer does
 * (NUL-terminated; bmminer's `stats` optionally glued `}{`). Stock bmminer and btminer accept no
 * writes over this port (their writes go over HTTP digest / token auth), so only LuxOS does.
 */
export function dispatch(m: SimMiner, command: string, parameter: string, now: number): Dispatched {
  let reply: Reply | null = null;
  let reboot = false;
  if (m.firmware === 'btminer') {
    reply = BT[command]?.(m, now) ?? invalidCommand('cgminer 4.9.2', now);
  } else if (m.firmware === 'avalon') {
    const w = avWrite(m, command, parameter, now);
    if (w) reboot = w.reboot === true;
    reply = w?.reply ?? AV[command]?.(m, now) ?? invalidCommand('cgminer 4.11.1', now);
  } else if (m.firmware === 'bosminer') {
    reply = bosRead(m, command, now) ?? invalidCommand('BOSer boser-buildroot 0.1.0-45f356ea', now);
  } else if (m.firmware === 'gcminer') {
    // Auradine takes its writes over the REST API on port 8080 (web-auradine.ts), none here.
    reply = AU[command]?.(m, now) ?? invalidCommand('GCMiner-2023-05.24', now);
  } else if (m.firmware === 'bdminer') {
    reply = bdWrite(m, command, parameter, now) ?? BD[command]?.(m, now) ?? invalidCommand('bdminer 4.11.1', now);
  } else {
    reply = (m.firmware === 'vnish' && command === 'version' ? vnishVersion(m, now) : BM[command]?.(m, now)) ?? null;
    if (!reply && m.firmware === 'luxos') {
      reply = luxRead(m, command, now);
      if (!reply) {
        const w = luxWrite(m, command, parameter, now);
        if (w) {
          reply = w.reply;
          reboot = w.reboot === true;
        }
      }
    }
    reply ??= invalidCommand('cgminer 1.0.0', now);
  }
  if (command === 'summary') m.rollOfflineSpell(now);
  let text = JSON.stringify(reply);
  if (command === 'stats' && (m.firmware === 'bmminer' || m.firmware === 'luxos' || m.firmware === 'vnish') && m.malformed()) text = text.replace('},{', '}{');
  return { text: `${text}\u0000`, reboot };
}
