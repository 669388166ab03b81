import { isErrorReply, jsonCommand, MinerRpcError, replyStatus, type RpcTimeouts, cgminerCommand } from '../rpc/client';
import { section, str } from '../rpc/reply';
import { type BtminerToken, btminerV2Decrypt, btminerV2Encrypt, btminerV2Keys } from './btminer-crypto';
import { missingCredential } from './credentials';
import { CommandRejected, intParam, modeParam, poolParams, type WriteContext, type WriteResult } from './types';

/**
 * Whatsminer API v2 writes on the cgminer port (4028), per MicroBT's API 2.0.x document and pyasic
 * (pyasic/rpc/btminer.py): {"cmd":"get_token"} → Msg {time, salt, newsalt}; then
 * {"enc":1,"data": AES-256-ECB({"cmd", "token": sign, …params})}; the reply is {"enc": …} (or a
 * plain STATUS E on refusal). Commands: reboot, power_off / power_on (sleep / wake),
 * set_low_power / set_normal_power / set_high_power, adjust_power_limit, update_pools.
 * The API password is the miner's "admin" account password (WhatsMinerTool); writes must be
 * enabled on the miner, which answers "can't access write cmd" otherwise.
 */
export async function whatsminerV2Write(ctx: WriteContext): Promise<WriteResult> {
  const { cmd, credential } = ctx;
  if (!credential) return { ok: false, message: missingCredential('whatsminer') };
  const timeouts: RpcTimeouts = { connectTimeoutMs: ctx.timeoutMs, readTimeoutMs: ctx.timeoutMs };
  const p = cmd.params ?? {};
  let request: Record<string, string>;
  switch (cmd.type) {
    case 'reboot':
      request = { cmd: 'reboot' };
      break;
    case 'sleep':
      request = { cmd: 'power_off', respbefore: 'true' };
      break;
    case 'wake':
      request = { cmd: 'power_on' };
      break;
    case 'power_mode':
      request = { cmd: `set_${modeParam(p)}_power` };
      break;
    case 'power_target':
      request = { cmd: 'adjust_power_limit', power_limit: String(intParam(p.watts, 'watts', 500, 10_000)) };
      break;
    case 'pool_change':
      request = { cmd: 'update_pools', ...(await poolSlots(ctx, poolParams(p), timeouts)) };
      break;
    default:
      throw new CommandRejected(`${cmd.type}: unsupported by this firmware (Whatsminer API v2)`);
  }

  const tokenReply = await jsonCommand(ctx.host, ctx.port, 'get_token', { cmd: 'get_token' }, timeouts);
  const token = tokenOf(tokenReply);
  if (!token) return { ok: false, message: `get_token refused: ${refusal(tokenReply)}` };
  const { sign, aesKey } = btminerV2Keys(credential.password, token);
  let reply: unknown;
  try {
    reply = await jsonCommand(ctx.host, ctx.port, request.cmd!, { enc: 1, data: btminerV2Encrypt({ ...request, token: sign }, aesKey) }, timeouts);
  } catch (e) {
    // A rebooting or powering-off miner may close before it answers.
    if ((cmd.type === 'reboot' || cmd.type === 'sleep') && e instanceof MinerRpcError && (e.code === 'RESET' || e.code === 'BAD_REPLY' || e.code === 'READ_TIMEOUT')) return { ok: true, message: `${request.cmd} sent (the miner closed before answering)` };
    throw e;
  }
  const enc = reply && typeof reply === 'object' ? (reply as { enc?: unknown }).enc : undefined;
  if (typeof enc === 'string') {
    try {
      reply = btminerV2Decrypt(enc, aesKey);
    } catch {
      return { ok: false, message: `${request.cmd}: the reply did not decrypt (wrong password?)` };
    }
  }
  const st = replyStatus(reply);
  if (st?.status === 'S' && !isErrorReply(reply)) return { ok: true, message: `${request.cmd}: ${st.msg || 'OK'}` };
  return { ok: false, message: `${request.cmd} refused: ${refusal(reply)}` };
}

/** get_token's Msg, an object on most builds and JSON text on some. */
function tokenOf(reply: unknown): BtminerToken | null {
  if (isErrorReply(reply) || !reply || typeof reply !== 'object') return null;
  let msg = (reply as { Msg?: unknown }).Msg;
  if (typeof msg === 'string') {
    try {
      msg = JSON.parse(msg);
    } catch {
      return null;
    }
  }
  if (!msg || typeof msg !== 'object') return null;
  const m = msg as Record<string, unknown>;
  const time = str(m.time) ?? (typeof m.time === 'number' ? String(m.time) : null);
  const salt = str(m.salt);
  const newsalt = str(m.newsalt);
  return time && salt && newsalt ? { time, salt, newsalt } : null;
}

function refusal(reply: unknown): string {
  const msg = replyStatus(reply)?.msg ?? '';
  if (/can't access write cmd/i.test(msg)) return `${msg} (API writes are disabled on this miner: enable them in WhatsMinerTool)`;
  return msg || 'no status';
}

/** update_pools sets all three slots: the new pool first, then the miner's current pools as backups. */
async function poolSlots(ctx: WriteContext, pool: { url: string; user: string; password: string }, timeouts: RpcTimeouts): Promise<Record<string, string>> {
  let current: { url: string; user: string }[] = [];
  try {
    current = section(await cgminerCommand(ctx.host, ctx.port, 'pools', undefined, timeouts), 'POOLS')
      .map((r) => ({ url: str(r.URL) ?? '', user: str(r.User) ?? '' }))
      .filter((r) => r.url && !(r.url === pool.url && r.user === pool.user));
  } catch {
    // Without the current pools the backups are left empty rather than the change refused.
  }
  const slots = [{ url: pool.url, user: pool.user, passwd: pool.password }, ...current.map((c) => ({ ...c, passwd: 'x' }))].slice(0, 3);
  const out: Record<string, string> = {};
  slots.forEach((s, i) => Object.assign(out, { [`pool${i + 1}`]: s.url, [`worker${i + 1}`]: s.user, [`passwd${i + 1}`]: s.passwd }));
  for (let i = slots.length; i < 3; i++) Object.assign(out, { [`pool${i + 1}`]: '', [`worker${i + 1}`]: '', [`passwd${i + 1}`]: '' });
  return out;
}
