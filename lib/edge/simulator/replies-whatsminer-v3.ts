import deviceInfoFixture from '../../../tests/fixtures/miners/whatsminer-v3/get.device.info.json';
import edevsFixture from '../../../tests/fixtures/miners/whatsminer-v3/get.miner.status-edevs.json';
import summaryFixture from '../../../tests/fixtures/miners/whatsminer-v3/get.miner.status-summary.json';
import { clone, r2, type Reply } from './replies-common';
import type { SimMiner } from './sim-miner';

/**
 * Whatsminer API v3 (btminer 2024+): `{cmd, param}` requests, `{code, when, msg, desc}` replies,
 * both framed by a 4-byte little-endian length (the server frames; see index.ts). Figures in
 * TH/s, W, °C, RPM.
 */
const when = (now: number) => Math.floor(now / 1000);
const err = (desc: string, msg: string, now: number): Reply => ({ code: -1, when: when(now), msg, desc });

export function v3Reply(m: SimMiner, cmd: string, param: unknown, now: number): Reply {
  if (cmd === 'get.device.info') {
    const r = clone(deviceInfoFixture) as Reply;
    const msg = r.msg as Record<string, Record<string, unknown>>;
    msg.network!.mac = m.mac;
    msg.miner!.type = `${m.model.name.replace(/^Whatsminer\s*/, '')}_VL10`;
    msg.miner!['miner-sn'] = m.serial;
    msg.power!.pin = m.powerW();
    return { ...r, when: when(now) };
  }
  if (cmd !== 'get.miner.status') return err(cmd, 'invalid command', now);
  if (param === 'summary') {
    const r = clone(summaryFixture) as Reply;
    const s = (r.msg as Record<string, Record<string, unknown>>).summary!;
    const chip = [0, 1, 2].map(() => m.chipTempC());
    const sh = m.shares(now);
    Object.assign(s, {
      elapsed: m.uptimeS(now),
      'factory-hash': m.model.nominalThs,
      'hash-average': m.sleeping ? 0 : r2(m.model.nominalThs * (1 + (m.rng() - 0.5) * 0.01)),
      'hash-realtime': r2(m.hashrateThs(0.1)),
      'power-realtime': m.powerW(),
      'chip-temp-max': chip,
      'board-temperature': chip.map((c) => c - 14),
      'fan-speed-in': m.fanRpm(),
      'fan-speed-out': m.fanRpm(),
      accepted: sh.accepted,
      rejected: sh.rejected,
    });
    return { ...r, when: when(now) };
  }
  if (param === 'pools') {
    return {
      code: 0,
      when: when(now),
      msg: { pools: m.pools.map((p, i) => ({ id: i + 1, url: p.url, status: 'alive', account: p.user, 'stratum-active': i === m.activePool })) },
      desc: 'get.miner.status',
    };
  }
  if (param === 'edevs') return { ...(clone(edevsFixture) as Reply), when: when(now) };
  return err(cmd, `invalid param: ${String(param)}`, now);
}
