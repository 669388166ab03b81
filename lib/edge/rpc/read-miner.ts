import { RECORD_LIMITS } from '@/lib/validation/edge';
import { catalogueModelPowerW } from '../models';
import type { MinerReading } from '../types';
import { boundFields, boundText } from './bound-fields';
import { cgminerCommand, isErrorReply, MinerRpcError, type RpcTimeouts } from './client';
import { identifyFromSummary, identifyFromVersion, type Identity } from './identify';
import { parseBmminer } from './parse-bmminer';
import { parseBtminer } from './parse-btminer';
import { emptyFields, type MinerFields, mergeFields, parsePools, parseSummary } from './parse-common';
import { isV3Reply, WHATSMINER_V3_PORT, whatsminerV3Command } from './client-v3';
import { fieldsByAlias } from './fields';
import { parseBtminerV3, v3Readable } from './parse-btminer-v3';
import { parseAuradine } from './parse-auradine';
import { parseAvalon, hasAvalonModules } from './parse-avalon';
import { parseBraiins } from './parse-braiins';
import { parseExtras } from './parse-extras';
import { parseSealminer } from './parse-sealminer';
import { first, round } from './reply';
import { ELPHAPEX_WEB_PORT, readElphapexWeb } from './read-web';
import type { MinerCredential } from '../writes/credentials';

export type ReadMinerOptions = {
  /** Per command: connect and read deadlines each get this budget. Default 3000 ms. */
  timeoutMs?: number;
  now?: () => Date;
  /** Nominal power by model when the firmware does not report it (default: the REFERENCE §2 catalogue). */
  modelPowerW?: (model: string) => number | null;
  /**
   * Identity per "host:port" kept by the caller across polls: a known miner skips `version`
   * (one connection in five). An entry is dropped whenever the miner reads offline, so a reboot
   * or a firmware change is identified afresh.
   */
  identityCache?: Map<string, Identity>;
  /**
   * The miner's web interface and login, for firmware read over HTTP (Elphapex): tried when the
   * cgminer port refuses or answers nothing readable. Without a login no web read is tried.
   */
  web?: { port?: number; credential: MinerCredential | null };
};

/** Per vendor, the commands beyond version+summary, each on its own connection. */
const EXTRA_COMMANDS: Record<MinerReading['vendor'], string[]> = {
  antminer: ['stats', 'pools'],
  luxos: ['stats', 'pools', 'power', 'temps', 'fans', 'config'],
  braiins: ['devs', 'pools', 'temps', 'fans', 'tunerstatus'],
  whatsminer: ['devs', 'pools', 'get_version', 'devdetails'],
  avalon: ['stats', 'pools'],
  sealminer: ['stats', 'pools'],
  vnish: ['stats', 'pools'],
  auradine: ['pools', 'fan', 'temperature', 'psu', 'ipreport'],
  // Read over its web CGIs (readElphapexWeb); its cgminer port, where open, carries nothing more.
  elphapex: ['pools'],
  unknown: ['pools'],
};

/** Asked only when the first reply lacked what they carry (Avalon: MM ID text missing from `stats`). */
const FALLBACK_COMMANDS: Partial<Record<MinerReading['vendor'], { when: (r: Record<string, unknown>) => boolean; commands: string[] }>> = {
  avalon: { when: (r) => !hasAvalonModules(r.stats), commands: ['estats', 'litestats'] },
};

function rpcMessage(e: unknown): string {
  return e instanceof MinerRpcError ? e.message : e instanceof Error ? e.message : String(e);
}

/**
 * Reads one miner into a MinerReading. Never throws for a dead or misbehaving miner: a failed
 * `summary` (the one reply every firmware has) makes it offline with the reason; a failed
 * optional command only leaves its fields null.
 */
export async function readMiner(host: string, port: number, opts: ReadMinerOptions = {}): Promise<MinerReading> {
  const key = `${host}:${port}`;
  const credential = opts.web?.credential ?? null;
  if (credential && opts.identityCache?.get(key)?.vendor === 'elphapex') return readViaWeb(host, port, opts, credential, null);
  const reading = await readMinerRpc(host, port, opts);
  if (reading.online || !credential || !webWorthTrying(reading.error)) return reading;
  return readViaWeb(host, port, opts, credential, reading);
}

/** Offline for a reason a web-only firmware gives on its cgminer port: refused, or an answer nothing here can read. */
function webWorthTrying(error: string | null): boolean {
  return error !== null && /refused the connection|not JSON|closed without a reply|not with a miner reply|carried no figure|reset the connection/.test(error);
}

async function readViaWeb(host: string, port: number, opts: ReadMinerOptions, credential: MinerCredential, rpc: MinerReading | null): Promise<MinerReading> {
  const now = opts.now ?? (() => new Date());
  const key = `${host}:${port}`;
  const f = await readElphapexWeb(host, opts.web?.port ?? ELPHAPEX_WEB_PORT, credential, opts.timeoutMs ?? 3000);
  if (typeof f === 'string') {
    opts.identityCache?.delete(key);
    if (rpc) return rpc;
    return { ip: host, port, collectedAt: now().toISOString(), online: false, error: boundText(f, RECORD_LIMITS.text.error), ...emptyFields() };
  }
  opts.identityCache?.set(key, { vendor: 'elphapex', model: f.model, firmware: f.firmware });
  estimatePower(f, opts.modelPowerW ?? catalogueModelPowerW);
  return { ip: host, port, collectedAt: now().toISOString(), online: true, error: null, ...f, hashrate5sThs: round(f.hashrate5sThs, 6), hashrateAvgThs: round(f.hashrateAvgThs, 6), hashrateNominalThs: round(f.hashrateNominalThs, 6) };
}

async function readMinerRpc(host: string, port: number, opts: ReadMinerOptions): Promise<MinerReading> {
  const t = opts.timeoutMs ?? 3000;
  const timeouts: RpcTimeouts = { connectTimeoutMs: t, readTimeoutMs: t };
  const now = opts.now ?? (() => new Date());
  const base = { ip: host, port };
  const key = `${host}:${port}`;
  const offline = (error: string): MinerReading => {
    opts.identityCache?.delete(key);
    return { ...base, collectedAt: now().toISOString(), online: false, error: boundText(error, RECORD_LIMITS.text.error), ...emptyFields() };
  };

  const online = (fields: MinerFields): MinerReading => {
    estimatePower(fields, opts.modelPowerW ?? catalogueModelPowerW);
    fields.hashrate5sThs = round(fields.hashrate5sThs);
    fields.hashrateAvgThs = round(fields.hashrateAvgThs);
    fields.hashrateNominalThs = round(fields.hashrateNominalThs);
    return { ...base, collectedAt: now().toISOString(), online: true, error: null, ...fields };
  };
  const viaV3 = async (v3Port: number, otherwise: string): Promise<MinerReading> => {
    const f = await readWhatsminerV3(host, v3Port, timeouts);
    if (typeof f === 'string') return offline(otherwise === '' ? f : otherwise);
    if (v3Port === port && f.firmware) opts.identityCache?.set(key, { vendor: 'whatsminer', model: f.model, firmware: f.firmware });
    return online(f);
  };

  let identity: Identity | null = opts.identityCache?.get(key) ?? null;
  if (identity?.vendor === 'whatsminer' && identity.firmware?.startsWith('btminer v3')) return viaV3(port, '');
  if (port === WHATSMINER_V3_PORT) return viaV3(port, '');
  let versionReply: unknown = null;
  if (!identity) {
    try {
      const version = await cgminerCommand(host, port, 'version', undefined, timeouts);
      if (!isErrorReply(version)) {
        identity = identifyFromVersion(version);
        versionReply = version;
      }
    } catch (e) {
      // 2024+ Whatsminer firmware may close 4028 and answer API v3 on 4433 only (a refusal is quick to try).
      if (e instanceof MinerRpcError && e.code === 'REFUSED' && port === 4028) return viaV3(WHATSMINER_V3_PORT, rpcMessage(e));
      // A miner that refuses or ignores the first connection is down; don't spend four more timeouts on it.
      if (e instanceof MinerRpcError && e.code !== 'BAD_REPLY') return offline(rpcMessage(e));
    }
  }
  let summary: unknown;
  try {
    summary = await cgminerCommand(host, port, 'summary', undefined, timeouts);
  } catch (e) {
    // A framed v3 API on this port answers a cgminer request with bytes that are not JSON.
    if (e instanceof MinerRpcError && e.code === 'BAD_REPLY') return viaV3(port, rpcMessage(e));
    return offline(rpcMessage(e));
  }
  if (isV3Reply(summary)) return viaV3(port, '');
  if (isErrorReply(summary)) return offline(`summary refused by ${host}:${port}`);
  // Something answered in JSON but not as a miner this collector can read: not "online".
  if (!identity && !first(summary, 'SUMMARY')) return offline(`${host}:${port} answered, but not with a miner reply this collector can read`);
  identity ??= identifyFromSummary(summary) ?? { vendor: 'unknown', model: null, firmware: null };

  const replies: Record<string, unknown> = { version: versionReply };
  const ask = async (cmd: string) => {
    try {
      const r = await cgminerCommand(host, port, cmd, undefined, timeouts);
      if (!isErrorReply(r)) replies[cmd] = r;
    } catch {
      // Optional detail: its fields stay null rather than the whole miner going offline.
    }
  };
  for (const cmd of EXTRA_COMMANDS[identity.vendor]) await ask(cmd);
  if (identity.vendor === 'avalon' && !versionReply) await ask('version');
  const fallback = FALLBACK_COMMANDS[identity.vendor];
  if (fallback?.when(replies)) {
    for (const cmd of fallback.commands) {
      await ask(cmd);
      if (!fallback.when({ stats: replies[cmd] })) break;
    }
  }

  // Bounded once more as a whole: identity's text and the generic parsers' pools come in unchecked.
  const fields = boundFields(
    mergeFields(emptyFields(), identity, ...vendorFields(identity.vendor, summary, replies), {
      model: identity.model,
      firmware: identity.firmware,
    }),
  );
  fields.vendor = identity.vendor;
  if (identity.vendor === 'unknown' && fields.hashrate5sThs === null && fields.hashrateAvgThs === null && fields.pools.length === 0) {
    return offline(`${host}:${port} answered, but its reply carried no figure this collector can read`);
  }
  if (identity.vendor !== 'unknown') opts.identityCache?.set(key, identity);
  return online(fields);
}

/**
 * Whatsminer API v3: device info, status summary, pools and boards, each on its own connection.
 * Returns the fields, or the reason it could not read the miner (then it is not online).
 */
async function readWhatsminerV3(host: string, port: number, timeouts: RpcTimeouts): Promise<MinerFields | string> {
  const call = async (cmd: string, param?: string) => {
    try {
      const r = await whatsminerV3Command(host, port, cmd, param, timeouts);
      return isV3Reply(r) ? r : null;
    } catch (e) {
      return rpcMessage(e);
    }
  };
  const summary = await call('get.miner.status', 'summary');
  if (typeof summary === 'string') return summary;
  if (!summary || summary.code !== 0) return `${host}:${port} answered the Whatsminer v3 status request without a status${summary ? ` (code ${summary.code})` : ''}`;
  const deviceInfo = await call('get.device.info');
  const pools = await call('get.miner.status', 'pools');
  const edevs = await call('get.miner.status', 'edevs');
  const f = parseBtminerV3({ summary, deviceInfo: typeof deviceInfo === 'string' ? null : deviceInfo, pools: typeof pools === 'string' ? null : pools, edevs: typeof edevs === 'string' ? null : edevs });
  if (!v3Readable(f)) return `${host}:${port} answered Whatsminer v3, but its status carried no figure this collector can read`;
  const fields = boundFields(mergeFields(emptyFields(), f));
  fields.vendor = 'whatsminer';
  return fields;
}

function vendorFields(vendor: MinerReading['vendor'], summary: unknown, r: Record<string, unknown>): Partial<MinerFields>[] {
  switch (vendor) {
    case 'antminer':
      return [parseBmminer({ summary, stats: r.stats, pools: r.pools })];
    case 'luxos':
      return [parseBmminer({ summary, stats: r.stats, pools: r.pools }), parseExtras(r)];
    case 'whatsminer':
      return [parseBtminer({ summary, devs: r.devs, pools: r.pools, getVersion: r.get_version, devdetails: r.devdetails })];
    case 'braiins':
      return [parseBraiins({ summary, devs: r.devs, pools: r.pools, tunerstatus: r.tunerstatus }), parseExtras(r)];
    case 'avalon':
      return [parseAvalon({ summary, version: r.version, stats: r.stats, estats: r.estats, litestats: r.litestats, pools: r.pools })];
    case 'sealminer':
      return [parseSealminer({ summary, stats: r.stats, pools: r.pools })];
    case 'auradine':
      return [parseAuradine({ summary, fan: r.fan, temperature: r.temperature, psu: r.psu, ipreport: r.ipreport, pools: r.pools })];
    case 'vnish':
      return [parseBmminer({ summary, stats: r.stats, pools: r.pools })];
    default:
      return [parseSummary(summary), { pools: parsePools(r.pools) }, fieldsByAlias(first(summary, 'SUMMARY'))];
  }
}

/** Nominal model power stands in only for a hashing miner: a sleeping one draws a fraction of it. */
function estimatePower(fields: MinerFields, modelPowerW: (model: string) => number | null) {
  if (fields.powerW !== null || !fields.model) return;
  if (!fields.hashrate5sThs || fields.hashrate5sThs <= 0) return;
  const w = modelPowerW(fields.model);
  if (w !== null) {
    fields.powerW = w;
    fields.powerSource = 'model';
  }
}
