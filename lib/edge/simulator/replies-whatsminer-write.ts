import { randomBytes } from 'node:crypto';
import { type BtminerToken, btminerV2Decrypt, btminerV2Encrypt, btminerV2Keys } from '../writes/btminer-crypto';
import type { Reply } from './replies-common';
import type { SimMiner } from './sim-miner';

/** Outstanding get_token answers per miner: a token is valid until the next one (the firmware's 30-minute window is not simulated). */
const TOKENS = new WeakMap<SimMiner, BtminerToken>();
const when = (now: number) => Math.floor(now / 1000);
const status = (ok: boolean, code: number, msg: string, now: number): Reply => ({ STATUS: ok ? 'S' : 'E', When: when(now), Code: code, Msg: msg, Description: '' });

const salt = () => randomBytes(6).toString('base64').replace(/[+/=]/g, 'x').slice(0, 8);

/**
 * btminer API v2 writes on the cgminer port: {"cmd":"get_token"} and {"enc":1,"data":…}
 * (see lib/edge/writes/whatsminer-v2.ts). The reply to an encrypted command is encrypted under the
 * same key; a request under a wrong password does not decrypt and is refused in the clear.
 */
export function btWrite(m: SimMiner, req: { cmd?: unknown; enc?: unknown; data?: unknown }, now: number): { reply: Reply; reboot?: boolean } | null {
  if (req.cmd === 'get_token') {
    const token = { time: String(when(now) % 10_000), salt: salt(), newsalt: salt() };
    TOKENS.set(m, token);
    return { reply: { STATUS: 'S', When: when(now), Code: 134, Msg: token, Description: '' } };
  }
  if (req.enc === undefined) return null;
  const token = TOKENS.get(m);
  if (!token || typeof req.data !== 'string') return { reply: status(false, 135, 'check token err', now) };
  const { sign, aesKey } = btminerV2Keys(m.webLogin.password, token);
  let cmd: Record<string, unknown>;
  try {
    cmd = btminerV2Decrypt(req.data, aesKey) as Record<string, unknown>;
  } catch {
    return { reply: status(false, 135, 'check token err', now) };
  }
  if (cmd.token !== sign) return { reply: status(false, 135, 'check token err', now) };
  const done = (msg = 'API command OK', reboot = false) => ({ reply: { enc: btminerV2Encrypt(status(true, 131, msg, now), aesKey) }, reboot });
  switch (cmd.cmd) {
    case 'reboot':
      return done('API command OK', true);
    case 'power_off':
      m.sleeping = true;
      return done();
    case 'power_on':
      m.sleeping = false;
      return done();
    case 'set_low_power':
    case 'set_normal_power':
    case 'set_high_power':
      m.profile = cmd.cmd === 'set_low_power' ? '-2' : cmd.cmd === 'set_high_power' ? '+1' : 'default';
      return done();
    case 'adjust_power_limit': {
      const w = Number(cmd.power_limit);
      if (!Number.isInteger(w) || w <= 0 || w > m.model.powerW * 1.1) return { reply: { enc: btminerV2Encrypt(status(false, 14, 'invalid power_limit', now), aesKey) } };
      m.powerTargetW = w;
      return done();
    }
    case 'update_pools': {
      const pools = [1, 2, 3].map((i) => ({ url: String(cmd[`pool${i}`] ?? ''), user: String(cmd[`worker${i}`] ?? ''), accepted: 0 })).filter((p) => p.url);
      if (!pools.length) return { reply: { enc: btminerV2Encrypt(status(false, 14, 'invalid pool', now), aesKey) } };
      m.pools.splice(0, m.pools.length, ...pools);
      m.activePool = 0;
      return done();
    }
    default:
      return { reply: { enc: btminerV2Encrypt(status(false, 14, 'invalid cmd', now), aesKey) } };
  }
}
