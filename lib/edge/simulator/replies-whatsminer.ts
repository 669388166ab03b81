import devsFixture from '../../../tests/fixtures/cgminer/whatsminer-btminer-v2/devs.json';
import getVersionFixture from '../../../tests/fixtures/cgminer/whatsminer-btminer-v2/get_version.json';
import poolsFixture from '../../../tests/fixtures/cgminer/whatsminer-btminer-v2/pools.json';
import statusFixture from '../../../tests/fixtures/cgminer/whatsminer-btminer-v2/status.json';
import summaryFixture from '../../../tests/fixtures/cgminer/whatsminer-btminer-v2/summary.json';
import { clone, okReply, r2, type Reply } from './replies-common';
import type { SimMiner } from './sim-miner';

/** btminer (API v2) replies built on the captured Whatsminer replies, MH/s units as the firmware uses. */
const when = (now: number) => Math.floor(now / 1000);
const DESCRIPTION = 'cgminer 4.9.2';

function stamp(reply: Reply, now: number): Reply {
  const st = reply.STATUS;
  if (Array.isArray(st)) for (const s of st as Record<string, unknown>[]) s.When = when(now);
  else reply.When = when(now);
  return reply;
}

/** btminer's model string carries the hardware revision: "M50S.VH50". */
function btModel(m: SimMiner): string {
  return `${m.model.name.replace(/^Whatsminer\s+/, '')}.VH50`;
}

export function btSummary(m: SimMiner, now: number): Reply {
  const r = stamp(clone(summaryFixture) as Reply, now);
  const s = (r.SUMMARY as Record<string, unknown>[])[0]!;
  const mhs = m.hashrateThs() * 1e6;
  const chip = m.chipTempC();
  const fan = m.fanRpm();
  const sh = m.shares(now);
  Object.assign(s, {
    'MHS av': r2(m.sleeping ? 0 : m.model.nominalThs * 1e6 * (1 + (m.rng() - 0.5) * 0.01)),
    'HS RT': r2(mhs),
    'Factory GHS': m.model.nominalThs * 1000,
    Power: m.powerW(),
    'Power Limit': m.powerTargetW ?? Math.round(m.model.powerW * 1.05),
    'Power Mode': m.profile === 'default' ? 'Normal' : m.profile.startsWith('-') ? 'Low' : 'High',
    'Env Temp': 26 + Math.round(m.rng() * 40) / 10,
    'Chip Temp Max': chip,
    'Chip Temp Avg': chip - 8,
    'Chip Temp Min': chip - 18,
    'Fan Speed In': fan,
    'Fan Speed Out': fan - 120,
    MAC: m.mac,
    Accepted: sh.accepted,
    Elapsed: m.uptimeS(now),
    Uptime: m.uptimeS(now) + 500,
    'Target Freq': m.frequency(),
  });
  return r;
}

export function btDevs(m: SimMiner, now: number): Reply {
  const r = stamp(clone(devsFixture) as Reply, now);
  const perBoard = m.hashrateThs() * 1e6 / 3;
  for (const d of r.DEVS as Record<string, unknown>[]) {
    const chip = m.chipTempC();
    Object.assign(d, {
      'MHS av': r2(perBoard),
      'Factory GHS': Math.round((m.model.nominalThs * 1000) / 3),
      Temperature: chip - 14,
      'Chip Temp Max': chip,
      'Chip Temp Avg': chip - 8,
      'Chip Temp Min': chip - 18,
      'Device Elapsed': m.uptimeS(now),
      'PCB SN': `${m.serial}${d.Slot}`,
    });
  }
  return r;
}

export function btPools(m: SimMiner, now: number): Reply {
  const r = stamp(clone(poolsFixture) as Reply, now);
  const sh = m.shares(now);
  r.POOLS = m.pools.map((p, i) => ({
    Accepted: i === m.activePool ? sh.accepted : 0,
    POOL: i + 1,
    Priority: i,
    Rejected: 0,
    Status: 'Alive',
    'Stratum Active': i === m.activePool,
    URL: p.url,
    User: p.user,
  }));
  return r;
}

export function btGetVersion(_m: SimMiner, now: number): Reply {
  return stamp(clone(getVersionFixture) as Reply, now);
}

export function btStatus(m: SimMiner, now: number): Reply {
  const r = stamp(clone(statusFixture) as Reply, now);
  Object.assign(r.Msg as Record<string, unknown>, { mineroff: String(m.sleeping), power_mode: m.profile === 'default' ? 'normal' : 'low' });
  return r;
}

/** No captured `devdetails` exists; this is the shape pyasic reads the model from (DEVDETAILS[].Model). */
export function btDevdetails(m: SimMiner, now: number): Reply {
  return okReply(69, 'Device Details', DESCRIPTION, now, {
    DEVDETAILS: [0, 1, 2].map((i) => ({ DEVDETAILS: i, Name: 'SM', ID: i, Driver: 'bitmicro', Kernel: '', Model: btModel(m) })),
  });
}
