import type { RpcTimeouts } from '../rpc/client';
import { MinerRpcError } from '../rpc/client';
import { isV3Reply, whatsminerV3Command } from '../rpc/client-v3';
import { btminerV3Encrypt, btminerV3Token } from './btminer-crypto';
import { missingCredential } from './credentials';
import { CommandRejected, intParam, modeParam, poolParams, type WriteContext, type WriteResult } from './types';

/**
 * Whatsminer API v3 writes (btminer 2024+, TCP 4433, length-framed JSON), per MicroBT's "WhatsMiner
 * API V3" document as asic-rs (whatsminer/src/backends/v3) and pyasic drive it: the account's salt
 * from get.device.info, then {"cmd", "ts", "token", "account", "param"} with token = first 8
 * characters of base64(sha256(cmd + password + salt + ts)). Commands: set.system.reboot,
 * set.miner.service "stop"/"start" (sleep/wake), set.miner.power_mode low|normal|high,
 * set.miner.power_limit <W>, set.miner.pools (param AES-encrypted under the sha256).
 * Replies {code: 0, msg: "ok"}; anything else is a refusal with its msg.
 */
export async function whatsminerV3Write(ctx: WriteContext): Promise<WriteResult> {
  const { cmd, credential } = ctx;
  if (!credential) return { ok: false, message: missingCredential('whatsminer-v3') };
  const p = cmd.params ?? {};
  let name: string;
  let param: unknown;
  switch (cmd.type) {
    case 'reboot':
      name = 'set.system.reboot';
      break;
    case 'sleep':
      [name, param] = ['set.miner.service', 'stop'];
      break;
    case 'wake':
      [name, param] = ['set.miner.service', 'start'];
      break;
    case 'power_mode':
      [name, param] = ['set.miner.power_mode', modeParam(p)];
      break;
    case 'power_target':
      [name, param] = ['set.miner.power_limit', intParam(p.watts, 'watts', 500, 10_000)];
      break;
    case 'pool_change': {
      const pool = poolParams(p);
      [name, param] = ['set.miner.pools', [{ pool: pool.url, worker: pool.user, passwd: pool.password }]];
      break;
    }
    default:
      throw new CommandRejected(`${cmd.type}: unsupported by this firmware (Whatsminer API v3)`);
  }
  const timeouts: RpcTimeouts = { connectTimeoutMs: ctx.timeoutMs, readTimeoutMs: ctx.timeoutMs };
  const info = await whatsminerV3Command(ctx.host, ctx.port, 'get.device.info', undefined, timeouts);
  const salt = isV3Reply(info) && info.msg && typeof info.msg === 'object' ? (info.msg as { salt?: unknown }).salt : undefined;
  if (typeof salt !== 'string' || !salt) return { ok: false, message: 'get.device.info gave no salt: cannot sign a v3 write' };
  const ts = Math.floor(Date.now() / 1000);
  const { token, digest } = btminerV3Token(name, credential.password, salt, ts);
  // Pools carry pool passwords: v3 sends that parameter encrypted.
  const sent = name === 'set.miner.pools' ? btminerV3Encrypt(param, digest) : param;
  let reply: unknown;
  try {
    reply = await whatsminerV3Command(ctx.host, ctx.port, name, undefined, timeouts, { ts, token, account: credential.username, ...(sent === undefined ? {} : { param: sent }) });
  } catch (e) {
    if (cmd.type === 'reboot' && e instanceof MinerRpcError && (e.code === 'RESET' || e.code === 'BAD_REPLY' || e.code === 'READ_TIMEOUT')) return { ok: true, message: 'set.system.reboot sent (the miner closed before answering)' };
    throw e;
  }
  if (isV3Reply(reply) && reply.code === 0) return { ok: true, message: `${name}: ${typeof reply.msg === 'string' ? reply.msg : 'ok'}` };
  const why = isV3Reply(reply) ? `code ${reply.code}${typeof reply.msg === 'string' ? ` ${reply.msg}` : ''}` : 'no v3 reply';
  return { ok: false, message: `${name} refused: ${why}` };
}
