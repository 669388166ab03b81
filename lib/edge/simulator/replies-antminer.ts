import devsFixture from '../../../tests/fixtures/cgminer/antminer-s19pro-bmminer/devs.json';
import poolsFixture from '../../../tests/fixtures/cgminer/antminer-s19pro-bmminer/pools.json';
import statsFixture from '../../../tests/fixtures/cgminer/antminer-s19pro-bmminer/stats.json';
import summaryFixture from '../../../tests/fixtures/cgminer/antminer-s19pro-bmminer/summary.json';
import versionFixture from '../../../tests/fixtures/cgminer/antminer-s19pro-bmminer/version.json';
import { clone, r2, type Reply } from './replies-common';
import type { SimMiner } from './sim-miner';

/**
 * bmminer replies: the captured S19 Pro replies with this miner's numbers written into the same
 * keys, so the simulator speaks exactly what the parsers were tested against. LuxOS keeps these
 * shapes (it is bmminer-compatible) and names itself LUXminer in `version`.
 */
const when = (now: number) => Math.floor(now / 1000);

function stamp(reply: Reply, now: number): Reply {
  for (const s of reply.STATUS as Record<string, unknown>[]) s.When = when(now);
  return reply;
}

export function bmVersion(m: SimMiner, now: number): Reply {
  const r = stamp(clone(versionFixture) as Reply, now);
  const v = (r.VERSION as Record<string, unknown>[])[0]!;
  v.Type = m.model.name;
  if (m.firmware === 'luxos') {
    delete v.BMMiner;
    v.LUXminer = '2024.11.20.134524-a7b5e8a1';
    v.API = '3.7';
  }
  return r;
}

export function bmSummary(m: SimMiner, now: number): Reply {
  const r = stamp(clone(summaryFixture) as Reply, now);
  const s = (r.SUMMARY as Record<string, unknown>[])[0]!;
  const ghs5s = m.hashrateThs() * 1000;
  const ghsAv = m.sleeping ? 0 : m.model.nominalThs * 1000 * (1 + (m.rng() - 0.5) * 0.01);
  const sh = m.shares(now);
  Object.assign(s, {
    'GHS 5s': r2(ghs5s),
    'GHS av': r2(ghsAv),
    'GHS 30m': r2(ghsAv),
    Accepted: sh.accepted,
    Rejected: sh.rejected,
    'Hardware Errors': sh.hw,
    Elapsed: m.uptimeS(now),
    'Last getwork': when(now),
  });
  return r;
}

export function bmStats(m: SimMiner, now: number): Reply {
  const r = stamp(clone(statsFixture) as Reply, now);
  const [head, c] = r.STATS as Record<string, unknown>[];
  head!.Type = m.model.name;
  const ghs = m.hashrateThs() * 1000;
  const chains = [0, 1, 2].map(() => r2((ghs / 3) * (1 + (m.rng() - 0.5) * 0.04)));
  const chip = [0, 1, 2].map(() => m.chipTempC());
  const fan = m.fanRpm();
  Object.assign(c!, {
    Elapsed: m.uptimeS(now),
    'GHS 5s': r2(ghs),
    'GHS av': r2(m.sleeping ? 0 : m.model.nominalThs * 1000),
    'total rate': r2(ghs),
    rate_30m: r2(ghs),
    total_rateideal: m.model.nominalThs * 1000,
    chain_rate1: chains[0]!.toFixed(2),
    chain_rate2: chains[1]!.toFixed(2),
    chain_rate3: chains[2]!.toFixed(2),
    fan1: fan,
    fan2: fan - 120,
    fan3: fan - 960,
    fan4: fan - 960,
    frequency: m.frequency(),
    freq1: m.frequency(),
    freq2: m.frequency(),
    freq3: m.frequency(),
    total_freqavg: m.frequency(),
    miner_id: m.serial.toLowerCase(),
  });
  chip.forEach((t, i) => {
    c![`temp_chip${i + 1}`] = `${t}-${t - 25}-${t - 9}-${t - 8}`;
    c![`temp_pcb${i + 1}`] = `${t - 5}-${t - 30}-${t - 14}-${t - 13}`;
    c![`temp${i + 1}`] = t - 5;
  });
  return r;
}

export function bmPools(m: SimMiner, now: number): Reply {
  const r = stamp(clone(poolsFixture) as Reply, now);
  const templates = r.POOLS as Record<string, unknown>[];
  const sh = m.shares(now);
  r.POOLS = m.pools.map((p, i) => ({
    ...templates[Math.min(i, templates.length - 1)],
    POOL: i,
    Priority: i,
    URL: p.url,
    User: p.user,
    'Stratum Active': i === m.activePool,
    Accepted: i === m.activePool ? sh.accepted : 0,
    Rejected: i === m.activePool ? sh.rejected : 0,
  }));
  (r.STATUS as Record<string, unknown>[])[0]!.Msg = `${m.pools.length} Pool(s)`;
  return r;
}

export function bmDevs(m: SimMiner, now: number): Reply {
  const r = stamp(clone(devsFixture) as Reply, now);
  const d = (r.DEVS as Record<string, unknown>[])[0]!;
  const sh = m.shares(now);
  Object.assign(d, { Accepted: sh.accepted, Rejected: sh.rejected, 'Device Elapsed': m.uptimeS(now) });
  return r;
}
