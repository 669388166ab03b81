import versionFixture from '../../../tests/fixtures/cgminer/braiins-bos-v25.05/version.json';
import devsFixture from '../../../tests/fixtures/miners/braiins/devs.json';
import summaryFixture from '../../../tests/fixtures/miners/braiins/summary.json';
import tunerFixture from '../../../tests/fixtures/miners/braiins/tunerstatus.json';
import vnishVersionFixture from '../../../tests/fixtures/miners/vnish/version.json';
import { avPools } from './replies-avalon';
import { clone, r2, type Reply } from './replies-common';
import type { SimMiner } from './sim-miner';

/**
 * Braiins OS (BOSer) cgminer API: `version` (the captured BOSer reply), `summary`/`devs` in MH/s
 * with "Nominal MHS", `temps` (Board/Chip), `fans` (RPM), `tunerstatus` (power). And the VNish
 * `version` (the rest of VNish's cgminer API is bmminer's, answered by the bmminer dialect).
 */
const when = (now: number) => Math.floor(now / 1000);
function stamp(r: Reply, now: number): Reply {
  for (const s of r.STATUS as Record<string, unknown>[]) s.When = when(now);
  return r;
}
const status = (code: number, msg: string, now: number) => [{ STATUS: 'S', When: when(now), Code: code, Msg: msg, Description: 'BOSer boser-buildroot 0.1.0-45f356ea' }];

export function vnishVersion(m: SimMiner, now: number): Reply {
  const r = stamp(clone(vnishVersionFixture) as Reply, now);
  (r.VERSION as Record<string, unknown>[])[0]!.Type = m.model.name;
  return r;
}

export function bosRead(m: SimMiner, command: string, now: number): Reply | null {
  switch (command) {
    case 'version': {
      const r = clone(versionFixture) as Reply;
      r.STATUS = status(22, 'BOSer versions', now);
      return r;
    }
    case 'summary': {
      const r = stamp(clone(summaryFixture) as Reply, now);
      const av = m.sleeping ? 0 : m.model.nominalThs * 1e6 * (1 + (m.rng() - 0.5) * 0.01);
      const sh = m.shares(now);
      Object.assign((r.SUMMARY as Record<string, unknown>[])[0]!, { 'MHS av': r2(av), 'MHS 5s': r2(m.hashrateThs() * 1e6), 'MHS 1m': r2(m.hashrateThs() * 1e6), Accepted: sh.accepted, Rejected: sh.rejected, Elapsed: m.uptimeS(now) });
      return r;
    }
    case 'devs': {
      const r = stamp(clone(devsFixture) as Reply, now);
      for (const d of r.DEVS as Record<string, unknown>[]) Object.assign(d, { 'Nominal MHS': (m.model.nominalThs * 1e6) / 3, 'MHS 5s': r2((m.hashrateThs() * 1e6) / 3) });
      return r;
    }
    case 'temps':
      return { STATUS: status(201, '3 Temp(s)', now), TEMPS: [0, 1, 2].map((i) => { const c = m.chipTempC(); return { TEMP: i, ID: i, Board: c - 14, Chip: c }; }), id: 1 };
    case 'fans':
      return { STATUS: status(202, '4 Fan(s)', now), FANS: [0, 1, 2, 3].map((i) => ({ FAN: i, ID: i, RPM: m.fanRpm(), Speed: m.sleeping ? 0 : 60 })), id: 1 };
    case 'tunerstatus': {
      const r = stamp(clone(tunerFixture) as Reply, now);
      Object.assign((r.TUNERSTATUS as Record<string, unknown>[])[0]!, { ApproximateMinerPowerConsumption: m.powerW(), PowerLimit: m.powerTargetW ?? m.model.powerW });
      return r;
    }
    case 'pools':
      return avPools(m, now);
    default:
      return null;
  }
}
