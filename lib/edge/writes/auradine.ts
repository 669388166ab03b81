import { MinerRpcError } from '../rpc/client';
import { missingCredential } from './credentials';
import { type HttpReply, httpRequest, jsonBody } from './http';
import { CommandRejected, intParam, modeParam, type WriteContext, type WriteResult } from './types';

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
 */
export async function auradineWrite(ctx: WriteContext): Promise<WriteResult> {
  const { cmd, credential } = ctx;
  if (!credential) return { ok: false, message: missingCredential('auradine') };
  const plan = planFor(cmd.type, cmd.params ?? {});
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

  const auth = await post('token', { user: credential.username, password: credential.password });
  const token = (jsonBody(auth) as { Token?: { Token?: unknown }[] } | null)?.Token?.[0]?.Token;
  if (auth.status !== 200 || typeof token !== 'string' || !token) return { ok: false, message: `the miner refused the login (${refusal(auth)}): check its stored credential` };

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
