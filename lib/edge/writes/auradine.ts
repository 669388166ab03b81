import { MinerRpcError } from '../rpc/client';
import { missingCredential } from './credentials';
import { type HttpReply, httpRequest, jsonBody } from './http';
import { CommandRejected, intParam, modeParam, poolParams, type WriteContext, type WriteResult } from './types';

export const AURADINE_WEB_PORT = 8080;

/** Our power modes as Auradine names them (pyasic MiningModeLPM/Normal/HPM.as_auradine). */
const MODE_NAMES = { low: 'eco', normal: 'normal', high: 'turbo' } as const;

/**
 * Auradine Teraflux (FluxOS/GCMiner) over its REST API on port 8080, as pyasic drives it
 * (pyasic/web/auradine.py, pyasic/miners/backends/auradine.py, pyasic/config/mining/__init__.py;
 * Apache-2.0): POST /token {"command":"token","user","password"} → {"Token":[{"Token"}]}, then every
 * call with a "Token: <token>" header and its command name in the JSON body —
 * POST /restart {} (reboot), POST /mode {"sleep":"on"|"off"} (sleep, wake),
 * {"mode":"eco"|"normal"|"turbo"} (power mode), {"mode":"custom","tune":"power","power":W} (power
 * target). Replies carry cgminer's STATUS envelope; "E" or "F" is a refusal with its Msg.
 * Pools: GET /pools (the REST API answers cgminer's read commands by name, as pyasic's send_command
 * reads /fan, /psu, /ipreport: {"POOLS":[{URL, User}]}), then POST /updatepools
 * {"pools":[{url,user,pass}], "command":"updatepools"} — pyasic AuradineWebAPI.update_pools and
 * config/pools.py Pool.as_auradine ({"url","user","pass"}). See poolsWithFirst for the order.
 */
export async function auradineWrite(ctx: WriteContext): Promise<WriteResult> {
  const { cmd, credential } = ctx;
  if (!credential) return { ok: false, message: missingCredential('auradine') };
  const pool = cmd.type === 'pool_change' ? poolParams(cmd.params ?? {}) : null;
  const plan = pool ? null : planFor(cmd.type, cmd.params ?? {});
  const post = (command: string, body: Record<string, unknown>, token?: string) =>
    httpRequest({
      host: ctx.host,
      port: ctx.port,
      method: 'POST',
      path: `/${command}`,
      timeoutMs: ctx.timeoutMs,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(token ? { token } : {}) },
      body: JSON.stringify({ ...body, command }),
    });
  const get = (command: string, token: string) => httpRequest({ host: ctx.host, port: ctx.port, method: 'GET', path: `/${command}`, timeoutMs: ctx.timeoutMs, headers: { accept: 'application/json', token } });

  const auth = await post('token', { user: credential.username, password: credential.password });
  const token = (jsonBody(auth) as { Token?: { Token?: unknown }[] } | null)?.Token?.[0]?.Token;
  if (auth.status !== 200 || typeof token !== 'string' || !token) return { ok: false, message: `the miner refused the login (${refusal(auth)}): check its stored credential` };

  if (pool) {
    const current = await get('pools', token);
    const listed = (jsonBody(current) as { POOLS?: { URL?: unknown; User?: unknown }[] } | null)?.POOLS;
    if (current.status !== 200 || !Array.isArray(listed)) return { ok: false, message: `Auradine refused the pool list: ${refusal(current)}` };
    const existing = listed.map((p) => ({ url: typeof p.URL === 'string' ? p.URL : '', user: typeof p.User === 'string' ? p.User : '' })).filter((p) => p.url !== '');
    // The result names the pool, never its password.
    return outcome(await post('updatepools', { pools: poolsWithFirst(existing, pool) }, token), `pool 1 set to ${pool.url}`);
  }
  if (!plan) throw new CommandRejected(`${cmd.type}: unsupported by this firmware (Auradine)`);
  if (plan.command === 'restart') {
    try {
      return outcome(await post('restart', {}, token), plan.done);
    } catch (e) {
      // The miner may go down before it answers: that is the reboot taking effect.
      if (e instanceof MinerRpcError && (e.code === 'RESET' || e.code === 'READ_TIMEOUT')) return { ok: true, message: 'reboot sent (the miner went down before answering)' };
      throw e;
    }
  }
  return outcome(await post('mode', plan.body, token), plan.done);
}

export type AuradinePool = { url: string; user: string; pass: string };

/**
 * The pool list /updatepools replaces the miner's with: the new pool first, then the miner's other
 * pools in their order. GCMiner never returns pool passwords (GET /pools has URL and User only), so
 * the kept pools go back with "x" — the usual stratum placeholder — exactly as Braiins OS pools are
 * kept without theirs (writes/braiins.ts); a pool with a real password must be set again by hand.
 * A pool already configured with the same url and user moves to the front rather than appearing twice.
 */
export function poolsWithFirst(existing: { url: string; user: string }[], pool: { url: string; user: string; password: string }): AuradinePool[] {
  const rest = existing.filter((p) => !(p.url === pool.url && p.user === pool.user)).map((p) => ({ url: p.url, user: p.user, pass: 'x' }));
  return [{ url: pool.url, user: pool.user, pass: pool.password }, ...rest];
}

type Plan = { command: 'restart'; done: string } | { command: 'mode'; body: Record<string, unknown>; done: string };

function planFor(type: string, p: Record<string, unknown>): Plan {
  switch (type) {
    case 'reboot':
      return { command: 'restart', done: 'rebooting' };
    case 'sleep':
      return { command: 'mode', body: { sleep: 'on' }, done: 'sleeping' };
    case 'wake':
      return { command: 'mode', body: { sleep: 'off' }, done: 'hashing' };
    case 'power_mode': {
      const mode = MODE_NAMES[modeParam(p)];
      return { command: 'mode', body: { mode }, done: `mode ${mode}` };
    }
    case 'power_target': {
      const watts = intParam(p.watts, 'watts', 500, 10_000);
      return { command: 'mode', body: { mode: 'custom', tune: 'power', power: watts }, done: `power target ${watts} W` };
    }
    default:
      throw new CommandRejected(`${type}: unsupported by this firmware (Auradine)`);
  }
}

function refusal(r: HttpReply): string {
  const st = (jsonBody(r) as { STATUS?: { STATUS?: unknown; Msg?: unknown }[] } | null)?.STATUS?.[0];
  return `HTTP ${r.status}${st?.Msg ? ` ${String(st.Msg)}` : ''}`;
}

function outcome(r: HttpReply, done: string): WriteResult {
  const st = (jsonBody(r) as { STATUS?: { STATUS?: unknown }[] } | null)?.STATUS?.[0]?.STATUS;
  if (r.status === 200 && st === 'S') return { ok: true, message: done };
  return { ok: false, message: `Auradine refused: ${refusal(r)}` };
}
