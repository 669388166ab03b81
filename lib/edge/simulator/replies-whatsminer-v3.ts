import deviceInfoFixture from '../../../tests/fixtures/miners/whatsminer-v3/get.device.info.json';
import edevsFixture from '../../../tests/fixtures/miners/whatsminer-v3/get.miner.status-edevs.json';
import summaryFixture from '../../../tests/fixtures/miners/whatsminer-v3/get.miner.status-summary.json';
import { btminerV3Decrypt, btminerV3Token } from '../writes/btminer-crypto';
import { clone, r2, type Reply } from './replies-common';
import type { SimMiner } from './sim-miner';

/**
 * Whatsminer API v3 (btminer 2024+): `{cmd, param}` requests, `{code, when, msg, desc}` replies,
 * both framed by a 4-byte little-endian length (the server frames; see index.ts). Figures in
 * TH/s, W, °C, RPM.
 */
const when = (now: number) => Math.floor(now / 1000);
const err = (desc: string, msg: string, now: number): Reply => ({ code: -1, when: when(now), msg, desc });

/** The account salt every simulated v3 miner hands out (the fixture's). */
const SALT = (deviceInfoFixture.msg as { salt: string }).salt;

/**
 * A signed v3 write (see lib/edge/writes/whatsminer-v3.ts): the token must match the account's
 * password, the salt and the request's ts; set.miner.pools' param arrives encrypted.
 */
function v3Write(m: SimMiner, req: { cmd: string; param?: unknown; ts?: unknown; token?: unknown; account?: unknown }, now: number): Reply & { reboot?: boolean } {
  const ok = (): Reply => ({ code: 0, when: when(now), msg: 'ok', desc: req.cmd });
  if (req.account !== m.webLogin.username || typeof req.ts !== 'number') return { code: -2, when: when(now), msg: 'invalid account', desc: req.cmd };
  const { token, digest } = btminerV3Token(req.cmd, m.webLogin.password, SALT, req.ts);
  if (req.token !== token) return { code: -4, when: when(now), msg: 'invalid token', desc: req.cmd };
  switch (req.cmd) {
    case 'set.system.reboot':
      return { ...ok(), reboot: true };
    case 'set.miner.service':
      if (req.param !== 'stop' && req.param !== 'start' && req.param !== 'restart') return err(req.cmd, 'invalid param', now);
      m.sleeping = req.param === 'stop';
      return ok();
    case 'set.miner.power_mode':
      if (req.param !== 'low' && req.param !== 'normal' && req.param !== 'high') return err(req.cmd, 'invalid param', now);
      m.profile = req.param === 'low' ? '-2' : req.param === 'high' ? '+1' : 'default';
      return ok();
    case 'set.miner.power_limit': {
      const w = Number(req.param);
      if (!Number.isInteger(w) || w <= 0 || w > m.model.powerW * 1.1) return err(req.cmd, 'invalid param', now);
      m.powerTargetW = w;
      return ok();
    }
    case 'set.miner.pools': {
      let pools: { pool?: unknown; worker?: unknown }[];
      try {
        pools = btminerV3Decrypt(String(req.param), digest) as typeof pools;
      } catch {
        return err(req.cmd, 'param decrypt failed', now);
      }
      if (!Array.isArray(pools) || !pools.length) return err(req.cmd, 'invalid param', now);
      m.pools.splice(0, m.pools.length, ...pools.map((p) => ({ url: String(p.pool ?? ''), user: String(p.worker ?? ''), accepted: 0 })));
      m.activePool = 0;
      return ok();
    }
    default:
      return err(req.cmd, 'invalid command', now);
  }
}

export function v3Reply(m: SimMiner, cmd: string, param: unknown, now: number, req: Record<string, unknown> = {}): Reply & { reboot?: boolean } {
  if (cmd.startsWith('set.')) return v3Write(m, { ...req, cmd, param }, now);
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
