import { MinerRpcError } from '../rpc/client';
import { missingCredential } from './credentials';
import { type HttpReply, httpRequest, jsonBody } from './http';
import { CommandRejected, intParam, poolParams, type WriteContext, type WriteResult } from './types';

export const VNISH_WEB_PORT = 80;

/**
 * VNish (aftermarket Antminer firmware) over its HTTP API /api/v1, as its API reference and pyasic
 * (pyasic/web/vnish.py, Apache-2.0) drive it: POST /unlock {"pw"} → {"token"}, then with
 * "Authorization: Bearer <token>": /system/reboot, /mining/pause and /mining/resume (sleep, wake),
 * /settings {"miner":{"pools":[…]}} for pools and {"miner":{"overclock":{"preset":"<watts>"}}}
 * for a power target — VNish only runs its tuned presets, so the target must be one of
 * /autotune/presets. Errors come back as {"err": "..."}.
 */
export async function vnishWrite(ctx: WriteContext): Promise<WriteResult> {
  const { cmd, credential } = ctx;
  if (!credential) return { ok: false, message: missingCredential('vnish') };
  const request = (method: 'GET' | 'POST', path: string, body?: unknown, token?: string) =>
    httpRequest({
      host: ctx.host,
      port: ctx.port,
      method,
      path: `/api/v1/${path}`,
      timeoutMs: ctx.timeoutMs,
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
    });

  const plan = planFor(cmd.type, cmd.params ?? {});
  const unlock = await request('POST', 'unlock', { pw: credential.password });
  const token = (jsonBody(unlock) as { token?: unknown } | null)?.token;
  if (unlock.status !== 200 || typeof token !== 'string' || !token) return { ok: false, message: `the miner refused the unlock (HTTP ${unlock.status}): check its stored credential` };

  if (plan.kind === 'action') {
    let r: HttpReply;
    try {
      r = await request('POST', plan.path, undefined, token);
    } catch (e) {
      if (plan.path === 'system/reboot' && e instanceof MinerRpcError && (e.code === 'RESET' || e.code === 'READ_TIMEOUT')) return { ok: true, message: 'reboot sent (the miner went down before answering)' };
      throw e;
    }
    return outcome(r, plan.done);
  }
  if (plan.kind === 'preset') {
    const presets = await request('GET', 'autotune/presets', undefined, token);
    const names = ((jsonBody(presets) as { name?: unknown }[] | null) ?? []).map((p) => (p && typeof p.name === 'string' ? p.name : '')).filter((n) => /^\d+$/.test(n));
    if (!names.includes(String(plan.watts))) return { ok: false, message: `power_target ${plan.watts} W: VNish runs only its tuned presets; this miner offers ${names.sort((a, b) => Number(a) - Number(b)).join(', ') || 'none'} W` };
    return outcome(await request('POST', 'settings', { miner: { overclock: { preset: String(plan.watts) } } }, token), `preset ${plan.watts} W set`);
  }
  const current = await request('GET', 'settings', undefined, token);
  const pools = ((jsonBody(current) as { miner?: { pools?: { url?: unknown; user?: unknown; pass?: unknown }[] } } | null)?.miner?.pools ?? []).filter((p) => p && typeof p.url === 'string' && p.url !== '' && !(p.url === plan.url && p.user === plan.user));
  const next = [{ url: plan.url, user: plan.user, pass: plan.password }, ...pools.map((p) => ({ url: String(p.url), user: String(p.user ?? ''), pass: String(p.pass ?? '') }))].slice(0, 3);
  return outcome(await request('POST', 'settings', { miner: { pools: next.map((p, order) => ({ ...p, order })) } }, token), 'pool 1 set');
}

type Plan = { kind: 'action'; path: string; done: string } | { kind: 'preset'; watts: number } | { kind: 'pools'; url: string; user: string; password: string };

function planFor(type: string, p: Record<string, unknown>): Plan {
  switch (type) {
    case 'reboot':
      return { kind: 'action', path: 'system/reboot', done: 'rebooting' };
    case 'sleep':
      return { kind: 'action', path: 'mining/pause', done: 'mining paused' };
    case 'wake':
      return { kind: 'action', path: 'mining/resume', done: 'mining resumed' };
    case 'power_target':
      return { kind: 'preset', watts: intParam(p.watts, 'watts', 500, 10_000) };
    case 'pool_change':
      return { kind: 'pools', ...poolParams(p) };
    default:
      throw new CommandRejected(`${type}: unsupported by this firmware (VNish)`);
  }
}

function outcome(r: HttpReply, done: string): WriteResult {
  const err = (jsonBody(r) as { err?: unknown } | null)?.err;
  if (r.status === 200 && !err) return { ok: true, message: done };
  return { ok: false, message: `VNish refused: HTTP ${r.status}${err ? ` ${String(err)}` : ''}` };
}
