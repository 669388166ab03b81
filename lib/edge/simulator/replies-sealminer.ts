import statsFixture from '../../../tests/fixtures/miners/sealminer/a2-stats.json';
import summaryFixture from '../../../tests/fixtures/miners/sealminer/a2-summary.json';
import versionFixture from '../../../tests/fixtures/miners/sealminer/a2-version.json';
import { avPools } from './replies-avalon';
import { clone, r2, type Reply } from './replies-common';
import type { SimMiner } from './sim-miner';

/**
 * Bitdeer SealMiner bdminer (MH/s): "Bdminer" in `version`, rates in `summary` — with a noisy
 * 5-second window so a reader that takes it as the rate of record is caught — and model, MAC,
 * PSU power, per-board temperatures and "<i> Speed" fans in `stats`.
 */
const when = (now: number) => Math.floor(now / 1000);
function stamp(r: Reply, now: number): Reply {
  for (const s of r.STATUS as Record<string, unknown>[]) s.When = when(now);
  return r;
}

export function bdVersion(m: SimMiner, now: number): Reply {
  const r = stamp(clone(versionFixture) as Reply, now);
  (r.VERSION as Record<string, unknown>[])[0]!.Type = m.model.name.replace(/^Bitdeer\s*/, '');
  return r;
}

export function bdSummary(m: SimMiner, now: number): Reply {
  const r = stamp(clone(summaryFixture) as Reply, now);
  const s = (r.SUMMARY as Record<string, unknown>[])[0]!;
  const av = m.sleeping ? 0 : m.model.nominalThs * 1e6 * (1 + (m.rng() - 0.5) * 0.01);
  const sh = m.shares(now);
  // The 5 s window spikes ±20 %: the average is what a reader must report as the rate.
  Object.assign(s, { 'MHS av': r2(av), 'MHS 30m': r2(av), 'MHS 5s': r2(m.hashrateThs(0.2) * 1e6), 'MHS 1m': r2(m.hashrateThs() * 1e6), Accepted: sh.accepted, Rejected: sh.rejected, 'Hardware Errors': sh.hw, Elapsed: m.uptimeS(now) });
  return r;
}

export function bdStats(m: SimMiner, now: number): Reply {
  const r = stamp(clone(statsFixture) as Reply, now);
  const st = (r.STATS as Record<string, unknown>[])[0]!;
  Object.assign(st, { MAC: m.mac.toLowerCase(), 'PSU Input Power': m.powerW(), 'MHS(Rated)': m.model.nominalThs * 1e6, 'System Uptime': m.uptimeS(now) });
  for (const b of [0, 1, 2]) {
    const chip = m.chipTempC();
    Object.assign(st, { [`${b} Chip Temp Max`]: chip, [`${b} Temp 3`]: chip - 12, [`${b} MHS(Ideal)`]: (m.model.nominalThs * 1e6) / 3 });
  }
  for (const f of [0, 1, 2, 3]) st[`${f} Speed`] = m.fanRpm();
  return r;
}

export const bdPools = avPools;

/** bdminer writes on this port: `ascset 0,suspend` (sleep) and `restart` (hashing resumes). */
export function bdWrite(m: SimMiner, command: string, parameter: string, now: number): Reply | null {
  const st = (status: 'S' | 'E', msg: string): Reply => ({ STATUS: [{ STATUS: status, When: when(now), Code: status === 'S' ? 119 : 120, Msg: msg, Description: 'bdminer 4.11.1' }], id: 1 });
  if (command === 'restart') {
    m.sleeping = false;
    return st('S', 'Restarting');
  }
  if (command !== 'ascset') return null;
  if (parameter !== '0,suspend') return st('E', `ASC 0 set failed: ${parameter}`);
  m.sleeping = true;
  return st('S', 'ASC 0 set OK');
}
