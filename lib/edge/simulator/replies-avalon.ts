import poolsFixture from '../../../tests/fixtures/cgminer/antminer-s19pro-bmminer/pools.json';
import versionFixture from '../../../tests/fixtures/miners/avalon/a1246-version.json';
import summaryFixture from '../../../tests/fixtures/miners/avalon/a1246-summary.json';
import { clone, r2, type Reply } from './replies-common';
import type { SimMiner } from './sim-miner';

/**
 * Canaan Avalon cgminer (MH/s): `version` with PROD/MODEL/MAC (MAC compact, no colons), `summary`
 * in MH/s, and the detail only as MM ID0 text in `stats` — the shape the Avalon parser reads.
 */
const when = (now: number) => Math.floor(now / 1000);
const status = (code: number, msg: string, now: number) => [{ STATUS: 'S', When: when(now), Code: code, Msg: msg, Description: 'cgminer 4.11.1' }];

export function avVersion(m: SimMiner, now: number): Reply {
  const r = clone(versionFixture) as Reply;
  r.STATUS = status(22, 'CGMiner versions', now);
  const v = (r.VERSION as Record<string, unknown>[])[0]!;
  const short = m.model.name.replace(/^Avalon\s*/, '');
  Object.assign(v, { PROD: `AvalonMiner ${short}`, MODEL: short, MAC: m.mac.replaceAll(':', '').toLowerCase() });
  return r;
}

export function avSummary(m: SimMiner, now: number): Reply {
  const r = clone(summaryFixture) as Reply;
  r.STATUS = status(11, 'Summary', now);
  const s = (r.SUMMARY as Record<string, unknown>[])[0]!;
  const mhsAv = m.sleeping ? 0 : m.model.nominalThs * 1e6 * (1 + (m.rng() - 0.5) * 0.01);
  const sh = m.shares(now);
  Object.assign(s, { 'MHS av': r2(mhsAv), 'MHS 30s': r2(m.hashrateThs() * 1e6), 'MHS 1m': r2(m.hashrateThs() * 1e6), Accepted: sh.accepted, Rejected: sh.rejected, 'Hardware Errors': sh.hw, Elapsed: m.uptimeS(now) });
  return r;
}

export function avStats(m: SimMiner, now: number): Reply {
  const fans = [1, 2, 3, 4].map((i) => `Fan${i}[${m.fanRpm()}]`).join(' ');
  const watts = m.powerW();
  const text = [
    `Ver[${m.model.name.replace(/^Avalon\s*/, '')}-sim] DNA[0201${m.serial.slice(-12).toLowerCase()}] Elapsed[${m.uptimeS(now)}]`,
    `Temp[${24 + Math.round(m.rng() * 4)}] TMax[${m.chipTempC()}] TAvg[${m.chipTempC() - 8}] ${fans} FanR[55%]`,
    `PS[0 1209 2413 240 ${watts} 2415 ${watts}] GHSspd[${r2(m.hashrateThs() * 1000)}] GHSmm[${r2(m.model.nominalThs * 1000)}] WORKMODE[1]`,
  ].join(' ');
  return { STATUS: [{ ...status(70, 'CGMiner stats', now)[0] }], STATS: [{ STATS: 0, ID: 'AVA100', Elapsed: m.uptimeS(now), 'MM ID0': text, 'MM Count': 1 }], id: 1 };
}

export function avPools(m: SimMiner, now: number): Reply {
  const r = clone(poolsFixture) as Reply;
  r.STATUS = status(7, `${m.pools.length} Pool(s)`, now);
  const tpl = (r.POOLS as Record<string, unknown>[])[0]!;
  r.POOLS = m.pools.map((p, i) => ({ ...tpl, POOL: i, URL: p.url, User: p.user, Status: 'Alive', 'Stratum Active': i === m.activePool, Accepted: i === m.activePool ? m.shares(now).accepted : 0, Rejected: 0 }));
  return r;
}

/** Avalon writes: `restart` (STATUS "RESTART", then a reboot) and `ascset` 0,softoff|softon,1:<time>. */
export function avWrite(m: SimMiner, command: string, parameter: string, now: number): { reply: Reply; reboot?: boolean } | null {
  if (command === 'restart') return { reply: { STATUS: 'RESTART' }, reboot: true };
  if (command !== 'ascset') return null;
  const [dev, op, when] = parameter.split(',');
  const ok = (msg: string): Reply => ({ STATUS: [{ ...status(119, msg, now)[0] }], id: 1 });
  const bad = (msg: string): Reply => ({ STATUS: [{ ...status(120, msg, now)[0], STATUS: 'E' }], id: 1 });
  if (dev !== '0' || !/^1:\d+$/.test(when ?? '')) return { reply: bad('ASC 0 set failed: invalid parameters') };
  if (op === 'softoff') m.sleeping = true;
  else if (op === 'softon') m.sleeping = false;
  else return { reply: bad(`ASC 0 set failed: unknown option ${op ?? ''}`) };
  return { reply: ok('ASC 0 set OK') };
}
