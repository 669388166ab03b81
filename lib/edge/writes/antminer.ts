import { MinerRpcError } from '../rpc/client';
import { missingCredential } from './credentials';
import { digestRequest, type HttpReply, jsonBody } from './http';
import { CommandRejected, modeParam, poolParams, type WriteContext, type WriteResult } from './types';

/** Antminer stock firmware serves its web interface (and these CGIs) on port 80. */
export const ANTMINER_WEB_PORT = 80;

/**
 * `miner-mode` in the stock configuration, as pyasic (pyasic/config/mining, Apache-2.0) and
 * asic-rs write it: 0 normal (also the "high" mode: stock has no higher one), 1 sleep, 3 low power.
 */
const MINER_MODE = { normal: 0, high: 0, low: 3, sleep: 1 } as const;

/**
 * Antminer stock firmware (2019+ web interface; 2023+ builds too) over HTTP digest auth, as pyasic
 * (pyasic/web/antminer.py) and asic-rs (antminer/src/backends/v2020/web.rs) drive it:
 * reboot → GET /cgi-bin/reboot.cgi; sleep / wake / power mode / pools → read
 * /cgi-bin/get_miner_conf.cgi, then POST its fields back to /cgi-bin/set_miner_conf.cgi as JSON
 * with `miner-mode` or `pools` changed (reply {"stats":"success","code":"M000","msg":"OK!"}).
 */
export async function antminerWrite(ctx: WriteContext): Promise<WriteResult> {
  const { cmd, credential } = ctx;
  if (!credential) return { ok: false, message: missingCredential('antminer') };
  const call = (method: 'GET' | 'POST', cgi: string, body?: unknown) =>
    digestRequest(
      { host: ctx.host, port: ctx.port, method, path: `/cgi-bin/${cgi}.cgi`, timeoutMs: ctx.timeoutMs, ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) },
      credential.username,
      credential.password,
    );

  if (cmd.type === 'reboot') {
    let r: HttpReply;
    try {
      r = await call('GET', 'reboot');
    } catch (e) {
      // The miner may go down before finishing its answer.
      if (e instanceof MinerRpcError && (e.code === 'RESET' || e.code === 'READ_TIMEOUT')) return { ok: true, message: 'reboot sent (the miner went down before answering)' };
      throw e;
    }
    if (r.status === 401) return { ok: false, message: 'the miner refused the login (HTTP 401): check its stored credential' };
    if (r.status >= 300) return { ok: false, message: `reboot.cgi answered HTTP ${r.status}` };
    return { ok: true, message: 'rebooting' };
  }

  const change = confChange(cmd.type, cmd.params ?? {});
  const got = await call('GET', 'get_miner_conf');
  if (got.status === 401) return { ok: false, message: 'the miner refused the login (HTTP 401): check its stored credential' };
  const conf = jsonBody(got);
  if (got.status !== 200 || !conf || typeof conf !== 'object' || Array.isArray(conf)) return { ok: false, message: `get_miner_conf.cgi answered HTTP ${got.status} without a configuration` };
  const current = conf as Record<string, unknown>;
  // Pre-2019 builds (S9 era: "bitmain-freq", no "miner-mode") have no sleep or power modes and take the form-encoded shape.
  const old = !('miner-mode' in current) && 'bitmain-freq' in current;
  if (old && change.kind === 'mode') return { ok: false, message: `${cmd.type}: unsupported by this firmware (Antminer stock before 2019 has no sleep or power modes)` };
  const next = applyChange(current, change);
  const set = old
    ? await digestRequest(
        { host: ctx.host, port: ctx.port, method: 'POST', path: '/cgi-bin/set_miner_conf.cgi', timeoutMs: ctx.timeoutMs, body: oldForm(current, next), headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        credential.username,
        credential.password,
      )
    : await call('POST', 'set_miner_conf', next);
  const reply = jsonBody(set) as { stats?: unknown; code?: unknown; msg?: unknown } | null;
  const success = set.status === 200 && (reply === null || reply.stats === undefined || String(reply.stats).toLowerCase() === 'success');
  if (!success) return { ok: false, message: `set_miner_conf.cgi refused: HTTP ${set.status}${reply?.msg ? ` ${String(reply.msg)}` : ''}${reply?.code ? ` (${String(reply.code)})` : ''}` };
  return { ok: true, message: change.kind === 'mode' ? `miner-mode ${change.mode} set` : 'pool 1 set' };
}

type Change = { kind: 'mode'; mode: number } | { kind: 'pool'; url: string; user: string; password: string };

function confChange(type: string, p: Record<string, unknown>): Change {
  if (type === 'sleep') return { kind: 'mode', mode: MINER_MODE.sleep };
  if (type === 'wake') return { kind: 'mode', mode: MINER_MODE.normal };
  if (type === 'power_mode') return { kind: 'mode', mode: MINER_MODE[modeParam(p)] };
  if (type === 'pool_change') return { kind: 'pool', ...poolParams(p) };
  throw new CommandRejected(`${type}: unsupported by this firmware (Antminer stock)`);
}

/** Fields set_miner_conf takes back (what pyasic's as_am_modern writes); others in get_miner_conf are read-only. */
const WRITABLE = ['pools', 'api-listen', 'api-network', 'api-groups', 'api-allow', 'bitmain-fan-ctrl', 'bitmain-fan-pwm', 'bitmain-use-vil', 'freq-level', 'bitmain-hashrate-percent', 'miner-mode'];

/**
 * The form the pre-2019 web page posts (its minerAdvanced/minerConfiguration pages, as Bitmain's
 * firmware sources and pyasic's AntminerOldWebAPI send it): the three pools flattened into
 * _ant_poolN{url,user,pw} beside the frequency, voltage and switches the page also sends, kept as read.
 */
function oldForm(conf: Record<string, unknown>, next: Record<string, unknown>): string {
  const pools = (next.pools as { url: unknown; user: unknown; pass: unknown }[]) ?? [];
  const form = new URLSearchParams();
  for (let i = 0; i < 3; i++) {
    form.set(`_ant_pool${i + 1}url`, String(pools[i]?.url ?? ''));
    form.set(`_ant_pool${i + 1}user`, String(pools[i]?.user ?? ''));
    form.set(`_ant_pool${i + 1}pw`, String(pools[i]?.pass ?? ''));
  }
  const text = (k: string, fallback = '') => (conf[k] === undefined || conf[k] === null ? fallback : String(conf[k]));
  form.set('_ant_nobeeper', text('bitmain-nobeeper', 'false'));
  form.set('_ant_notempoverctrl', text('bitmain-notempoverctrl', 'false'));
  form.set('_ant_fan_customize_switch', text('bitmain-fan-ctrl', 'false'));
  form.set('_ant_fan_customize_value', text('bitmain-fan-pwm', ''));
  form.set('_ant_freq', text('bitmain-freq'));
  form.set('_ant_voltage', text('bitmain-voltage'));
  return form.toString();
}

function applyChange(conf: Record<string, unknown>, change: Change): Record<string, unknown> {
  const next: Record<string, unknown> = {};
  for (const k of WRITABLE) if (k in conf) next[k] = conf[k];
  if (change.kind === 'mode') {
    // Some builds hold the mode as text ("0"), others as a number; answer in the miner's own type.
    next['miner-mode'] = typeof conf['miner-mode'] === 'string' ? String(change.mode) : change.mode;
  } else {
    const pools = Array.isArray(conf.pools) ? (conf.pools as Record<string, unknown>[]).filter((x) => x && typeof x === 'object') : [];
    const others = pools.filter((x) => !(x.url === change.url && x.user === change.user));
    // Stock firmware keeps exactly three pool slots: the new one first, then the old ones as backups.
    const slots = [{ url: change.url, user: change.user, pass: change.password }, ...others.map((x) => ({ url: x.url ?? '', user: x.user ?? '', pass: x.pass ?? '' }))].slice(0, 3);
    while (slots.length < 3) slots.push({ url: '', user: '', pass: '' });
    next.pools = slots;
  }
  return next;
}
