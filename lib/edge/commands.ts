import { commandSupport, unsupportedReason } from '@/lib/domain/edge/command-support';
import { cgminerCommand, isErrorReply, MinerRpcError, replyStatus, type RpcTimeouts } from './rpc/client';
import { identifyFromSummary, identifyFromVersion } from './rpc/identify';
import { first, isRec, num, section, str } from './rpc/reply';
import { ANTMINER_WEB_PORT, antminerWrite } from './writes/antminer';
import { AURADINE_WEB_PORT, auradineWrite } from './writes/auradine';
import { credentialFor, type MinerCredential } from './writes/credentials';
import { VNISH_WEB_PORT, vnishWrite } from './writes/vnish';
import { whatsminerV2Write } from './writes/whatsminer-v2';
import { BRAIINS_GRPC_PORT, braiinsWrite } from './writes/braiins';
import { digestRequest, jsonBody } from './writes/http';
import { isElphapexInfo } from './rpc/parse-elphapex';
import { ELPHAPEX_WEB_PORT } from './rpc/read-web';
import { whatsminerV3Write } from './writes/whatsminer-v3';
import { isV3Reply, WHATSMINER_V3_PORT, whatsminerV3Command } from './rpc/client-v3';
import { CommandRejected, intParam, type WriteContext, type WriteResult } from './writes/types';

export type MinerCommandType = 'reboot' | 'sleep' | 'wake' | 'power_mode' | 'pool_change' | 'frequency' | 'power_target';
export type MinerCommand = { type: MinerCommandType; params?: Record<string, unknown> };
export type CommandResult = { ok: boolean; message: string; executionMs: number };
export type ExecuteOptions = {
  timeoutMs?: number;
  /** The miner's stored login (from the credential vault); never logged. */
  credential?: MinerCredential | null;
  /** Use the vendor's factory login when none is stored (collector.json `useVendorDefaultCredentials`). */
  allowVendorDefaults?: boolean;
  /** The miner's web/API port when not the vendor's default (80 for Antminer and VNish, 50051 for Braiins gRPC, 8080 for Auradine). */
  httpPort?: number;
};

/** Writers that need the miner's login: on its web/API port (a number: the vendor default), or 'api' on the port it was read on. */
const WEB_WRITERS: Partial<Record<string, { port: number | 'api'; write: (ctx: WriteContext) => Promise<WriteResult> }>> = {
  whatsminer: { port: 'api', write: whatsminerV2Write },
  antminer: { port: ANTMINER_WEB_PORT, write: antminerWrite },
  vnish: { port: VNISH_WEB_PORT, write: vnishWrite },
  braiins: { port: BRAIINS_GRPC_PORT, write: braiinsWrite },
  auradine: { port: AURADINE_WEB_PORT, write: auradineWrite },
};


/**
 * Runs one operator command against a miner: identifies the firmware over the cgminer port, refuses
 * what the firmware does not take (lib/domain/edge/command-support, the table the UI shows), and
 * drives the rest over the vendor's own interface — LuxOS sessions, Avalon/SealMiner cgminer
 * writes, or the web/authenticated API (lib/edge/writes). Never throws; never logs the credential.
 */
export async function executeMinerCommand(host: string, port: number, cmd: MinerCommand, opts: ExecuteOptions = {}): Promise<CommandResult> {
  const started = performance.now();
  const t = opts.timeoutMs ?? 5000;
  const timeouts: RpcTimeouts = { connectTimeoutMs: t, readTimeoutMs: t };
  const done = (ok: boolean, message: string): CommandResult => ({ ok, message, executionMs: Math.round(performance.now() - started) });
  const call = (command: string, parameter?: string) => cgminerCommand(host, port, command, parameter, timeouts);

  try {
    let probe: Awaited<ReturnType<typeof probeVersion>>;
    try {
      probe = await probeVersion(host, port, timeouts);
    } catch (e) {
      // A web-only firmware (Elphapex) refuses or closes its cgminer port: is its web API there?
      const credential = credentialFor('elphapex', opts.credential, opts.allowVendorDefaults ?? false);
      const webPort = opts.httpPort ?? ELPHAPEX_WEB_PORT;
      if (!credential || !(e instanceof MinerRpcError) || !(e.code === 'REFUSED' || e.code === 'BAD_REPLY') || !(await isElphapexWeb(host, webPort, credential, t))) throw e;
      if (commandSupport('elphapex', cmd.type) !== 'supported') return done(false, unsupportedReason('elphapex', cmd.type));
      const r = await antminerWrite({ host, port: webPort, cmd, credential, timeoutMs: t });
      return done(r.ok, r.message);
    }
    if ('v3Port' in probe) {
      const v3Port = probe.v3Port;
      if (commandSupport('whatsminer', cmd.type) !== 'supported') return done(false, unsupportedReason('whatsminer', cmd.type));
      const credential = credentialFor('whatsminer-v3', opts.credential, opts.allowVendorDefaults ?? false);
      const r = await whatsminerV3Write({ host, port: v3Port, cmd, credential, timeoutMs: t });
      return done(r.ok, r.message);
    }
    const { version } = probe;
    let identity = isErrorReply(version) ? null : identifyFromVersion(version);
    identity ??= identifyFromSummary(await call('summary'));
    const vendor = identity?.vendor ?? 'unknown';
    if (commandSupport(vendor, cmd.type) !== 'supported') return done(false, unsupportedReason(vendor, cmd.type));
    const web = WEB_WRITERS[vendor];
    if (web) {
      const credential = credentialFor(vendor, opts.credential, opts.allowVendorDefaults ?? false);
      const r = await web.write({ host, port: web.port === 'api' ? port : (opts.httpPort ?? web.port), cmd, credential, timeoutMs: t });
      return done(r.ok, r.message);
    }
    if (vendor === 'avalon') {
      const r = await avalonWrite(cmd, call);
      return done(r.ok, r.message);
    }
    if (vendor === 'sealminer') {
      const r = await sealminerWrite(cmd, call);
      return done(r.ok, r.message);
    }
    if (vendor !== 'luxos') return done(false, unsupportedReason(vendor, cmd.type));

    const plan = await luxosPlan(cmd, call);
    const logon = await call('logon');
    const session = str(first(logon, 'SESSION')?.SessionID);
    if (isErrorReply(logon) || !session) return done(false, `logon refused: ${replyStatus(logon)?.msg ?? 'no session id'}`);
    try {
      const messages: string[] = [];
      for (const [command, args] of plan) {
        const reply = await call(command, [session, ...args].join(','));
        const st = replyStatus(reply);
        if (isErrorReply(reply)) return done(false, `${command} refused: ${st?.msg ?? 'error'}`);
        messages.push(st?.msg ?? command);
      }
      return done(true, messages.join('; '));
    } finally {
      // A rebooting miner has dropped the session already; its logoff failing is expected.
      if (cmd.type !== 'reboot') await call('logoff', session).catch(() => undefined);
    }
  } catch (e) {
    if (e instanceof CommandRejected) return done(false, e.message);
    if (e instanceof MinerRpcError) return done(false, e.message);
    return done(false, e instanceof Error ? e.message : String(e));
  }
}

type Call = (command: string, parameter?: string) => Promise<unknown>;

/** Whether host:port serves an Elphapex web API that accepts this login (its reboot.cgi is Antminer's). */
async function isElphapexWeb(host: string, port: number, credential: MinerCredential, timeoutMs: number): Promise<boolean> {
  try {
    const r = await digestRequest({ host, port, method: 'GET', path: '/cgi-bin/get_system_info.cgi', timeoutMs }, credential.username, credential.password);
    return r.status === 200 && isElphapexInfo(jsonBody(r));
  } catch {
    return false;
  }
}

/**
 * The cgminer `version` reply, or where a 2024+ Whatsminer answers API v3 instead: 4433 itself,
 * 4433 when the cgminer port refuses, or this port when it answers cgminer with bytes that are not
 * JSON. Any other failure is thrown as it came.
 */
async function probeVersion(host: string, port: number, timeouts: RpcTimeouts): Promise<{ version: unknown } | { v3Port: number }> {
  const answersV3 = async (p: number) => {
    try {
      const r = await whatsminerV3Command(host, p, 'get.device.info', undefined, timeouts);
      return isV3Reply(r) && r.code === 0;
    } catch {
      return false;
    }
  };
  if (port === WHATSMINER_V3_PORT && (await answersV3(port))) return { v3Port: port };
  try {
    return { version: await cgminerCommand(host, port, 'version', undefined, timeouts) };
  } catch (e) {
    if (e instanceof MinerRpcError && e.code === 'REFUSED' && port === 4028 && (await answersV3(WHATSMINER_V3_PORT))) return { v3Port: WHATSMINER_V3_PORT };
    if (e instanceof MinerRpcError && e.code === 'BAD_REPLY' && (await answersV3(port))) return { v3Port: port };
    throw e;
  }
}

/**
 * Bitdeer SealMiner (bdminer) writes over the cgminer port, as asic-rs drives them: sleep is
 * `ascset 0,suspend`, wake is the cgminer `restart` (which restarts hashing). Reboot, power limit
 * and pools go through its web API (and a reboot) — unsupported by this firmware's port here.
 */
async function sealminerWrite(cmd: MinerCommand, call: Call): Promise<{ ok: boolean; message: string }> {
  if (cmd.type === 'sleep' || cmd.type === 'wake') {
    const r = cmd.type === 'sleep' ? await call('ascset', '0,suspend') : await call('restart');
    const st = replyStatus(r);
    if (!isErrorReply(r) && st !== null) return { ok: true, message: st.msg || (cmd.type === 'sleep' ? 'suspended' : 'restarting hashing') };
    return { ok: false, message: `${cmd.type} refused: ${st?.msg ?? 'no status'}` };
  }
  return { ok: false, message: `${cmd.type}: unsupported by this firmware over its cgminer port (SealMiner)` };
}

/**
 * Canaan Avalon writes over the cgminer port, as asic-rs drives them: `restart` (reply STATUS
 * "RESTART"), and `ascset` "0,softoff,1:<unix time>" / "0,softon,1:<unix time>" to sleep / wake
 * (reply Msg "ASC 0 set OK"; softon may close without a reply). Power, pool and frequency
 * changes are not offered: unsupported by this firmware here.
 */
async function avalonWrite(cmd: MinerCommand, call: Call): Promise<{ ok: boolean; message: string }> {
  const at = `1:${Math.floor(Date.now() / 1000) + 5}`;
  if (cmd.type === 'reboot') {
    const r = await call('restart');
    const st = isRec(r) ? r.STATUS : null;
    if (st === 'RESTART' || replyStatus(r)?.status === 'S') return { ok: true, message: 'Restarting' };
    return { ok: false, message: `restart refused: ${replyStatus(r)?.msg ?? 'no RESTART status'}` };
  }
  if (cmd.type === 'sleep' || cmd.type === 'wake') {
    const op = cmd.type === 'sleep' ? 'softoff' : 'softon';
    let r: unknown;
    try {
      r = await call('ascset', `0,${op},${at}`);
    } catch (e) {
      // softon restarts the hashing process, which can drop the connection before replying.
      if (op === 'softon' && e instanceof MinerRpcError && (e.code === 'BAD_REPLY' || e.code === 'RESET')) return { ok: true, message: 'ascset softon sent (no reply: the miner restarts hashing)' };
      throw e;
    }
    const st = replyStatus(r);
    if (!isErrorReply(r) && st?.status === 'S') return { ok: true, message: st.msg || `ascset ${op}` };
    return { ok: false, message: `ascset ${op} refused: ${st?.msg ?? 'error'}` };
  }
  return { ok: false, message: `${cmd.type}: unsupported by this firmware (Avalon)` };
}

/** LuxOS joins arguments with commas, so an argument must not contain one. */
function arg(v: unknown, name: string): string {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (s === '' || s.includes(',')) throw new CommandRejected(`invalid parameter "${name}"`);
  return s;
}


/** The LuxOS writes for one command, as [command, args] pairs, resolved before logging on. */
async function luxosPlan(cmd: MinerCommand, call: Call): Promise<[string, string[]][]> {
  const p = cmd.params ?? {};
  switch (cmd.type) {
    case 'reboot':
      return [['rebootdevice', []]];
    case 'sleep':
      return [['curtail', ['sleep']]];
    case 'wake':
      return [['curtail', ['wakeup']]];
    case 'power_target':
      return [['powertargetset', [`power=${intParam(p.watts, 'watts', 500, 10_000)}`]]];
    case 'frequency': {
      const mhz = intParam(p.mhz, 'mhz', 100, 1000);
      if (p.board !== undefined) return [['frequencyset', [String(intParam(p.board, 'board', 0, 7)), String(mhz)]]];
      const boards = countBoards(await call('stats'));
      if (boards === 0) throw new CommandRejected('could not tell how many hash boards the miner has; give "board"');
      return Array.from({ length: boards }, (_, b) => ['frequencyset', [String(b), String(mhz)]] as [string, string[]]);
    }
    case 'power_mode':
      return [['profileset', [await profileFor(p, call)]]];
    case 'pool_change':
      return poolPlan(p, call);
    default:
      throw new CommandRejected(`unknown command type "${String((cmd as { type: unknown }).type)}"`);
  }
}

/** Boards with chips, from bmminer-style stats (chain_acnN > 0). */
function countBoards(stats: unknown): number {
  const rec = section(stats, 'STATS').find((r) => 'chain_acn1' in r);
  if (!rec) return 0;
  return Object.keys(rec).filter((k) => /^chain_acn\d+$/.test(k) && (num(rec[k]) ?? 0) > 0).length;
}

/** mode normal → the stock profile; low / high → the least / most power-hungry profile the miner lists. */
async function profileFor(p: Record<string, unknown>, call: Call): Promise<string> {
  if (p.profile !== undefined) return arg(p.profile, 'profile');
  const mode = p.mode;
  if (mode === 'normal') return 'default';
  if (mode !== 'low' && mode !== 'high') throw new CommandRejected('parameter "mode" must be low, normal or high (or give "profile")');
  const profiles = section(await call('profiles'), 'PROFILES')
    .map((r) => ({ name: str(r['Profile Name']), watts: num(r.Watts) }))
    .filter((r): r is { name: string; watts: number } => r.name !== null && r.watts !== null)
    .sort((a, b) => a.watts - b.watts);
  const pick = mode === 'low' ? profiles[0] : profiles[profiles.length - 1];
  if (!pick) throw new CommandRejected('the miner lists no power profiles');
  return pick.name;
}

async function poolPlan(p: Record<string, unknown>, call: Call): Promise<[string, string[]][]> {
  const url = arg(p.url, 'url');
  const user = arg(p.user, 'user');
  if (!/^stratum\+(tcp|ssl):\/\/[^\s]+:\d+$/.test(url)) throw new CommandRejected('parameter "url" must look like stratum+tcp://host:port');
  const pools = section(await call('pools'), 'POOLS');
  const existing = pools.find((x) => str(x.URL) === url && str(x.User) === user);
  if (existing) return [['switchpool', [String(num(existing.POOL) ?? 0)]]];
  const password = p.password === undefined ? 'x' : arg(p.password, 'password');
  // addpool appends: the new pool takes the next index.
  return [
    ['addpool', [url, user, password]],
    ['switchpool', [String(pools.length)]],
  ];
}
