import { RECORD_LIMITS } from '@/lib/validation/edge';
import { catalogueModelPowerW } from '../models';
import type { MinerReading } from '../types';
import { boundFields, boundText } from './bound-fields';
import { cgminerCommand, isErrorReply, MinerRpcError, type RpcTimeouts } from './client';
import { identifyFromSummary, identifyFromVersion, type Identity } from './identify';
import { parseBmminer } from './parse-bmminer';
import { parseBtminer } from './parse-btminer';
import { emptyFields, type MinerFields, mergeFields, parsePools, parseSummary } from './parse-common';
import { parseExtras } from './parse-extras';
import { round } from './reply';

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
};

/** Per vendor, the commands beyond version+summary, each on its own connection. */
const EXTRA_COMMANDS: Record<MinerReading['vendor'], string[]> = {
  antminer: ['stats', 'pools'],
  luxos: ['stats', 'pools', 'power', 'temps', 'fans', 'config'],
  braiins: ['pools', 'temps', 'fans'],
  whatsminer: ['devs', 'pools', 'get_version', 'devdetails'],
  avalon: ['pools'],
  sealminer: ['pools'],
  unknown: ['pools'],
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
  const t = opts.timeoutMs ?? 3000;
  const timeouts: RpcTimeouts = { connectTimeoutMs: t, readTimeoutMs: t };
  const now = opts.now ?? (() => new Date());
  const base = { ip: host, port };
  const key = `${host}:${port}`;
  const offline = (error: string): MinerReading => {
    opts.identityCache?.delete(key);
    return { ...base, collectedAt: now().toISOString(), online: false, error: boundText(error, RECORD_LIMITS.text.error), ...emptyFields() };
  };

  let identity: Identity | null = opts.identityCache?.get(key) ?? null;
  if (!identity) {
    try {
      const version = await cgminerCommand(host, port, 'version', undefined, timeouts);
      if (!isErrorReply(version)) identity = identifyFromVersion(version);
    } catch (e) {
      // A miner that refuses or ignores the first connection is down; don't spend four more timeouts on it.
      if (e instanceof MinerRpcError && e.code !== 'BAD_REPLY') return offline(rpcMessage(e));
    }
  }
  let summary: unknown;
  try {
    summary = await cgminerCommand(host, port, 'summary', undefined, timeouts);
  } catch (e) {
    return offline(rpcMessage(e));
  }
  if (isErrorReply(summary)) return offline(`summary refused by ${host}:${port}`);
  identity ??= identifyFromSummary(summary) ?? { vendor: 'unknown', model: null, firmware: null };
  if (identity.vendor !== 'unknown') opts.identityCache?.set(key, identity);

  const replies: Record<string, unknown> = {};
  for (const cmd of EXTRA_COMMANDS[identity.vendor]) {
    try {
      const r = await cgminerCommand(host, port, cmd, undefined, timeouts);
      if (!isErrorReply(r)) replies[cmd] = r;
    } catch {
      // Optional detail: its fields stay null rather than the whole miner going offline.
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
  estimatePower(fields, opts.modelPowerW ?? catalogueModelPowerW);
  fields.hashrate5sThs = round(fields.hashrate5sThs);
  fields.hashrateAvgThs = round(fields.hashrateAvgThs);
  fields.hashrateNominalThs = round(fields.hashrateNominalThs);
  return { ...base, collectedAt: now().toISOString(), online: true, error: null, ...fields };
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
      return [parseSummary(summary), { pools: parsePools(r.pools) }, parseExtras(r)];
    default:
      return [parseSummary(summary), { pools: parsePools(r.pools) }];
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
