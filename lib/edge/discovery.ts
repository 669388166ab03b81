import type { MinerReading } from './types';
import { cgminerCommand, isErrorReply, MinerRpcError, type RpcTimeouts } from './rpc/client';
import { identifyFromSummary, identifyFromVersion } from './rpc/identify';
import { first, isRec, str } from './rpc/reply';
import { parseTargets } from './targets';

export { parseTargets, TargetError, MAX_TARGETS } from './targets';

export type DiscoveredMiner = {
  ip: string;
  port: number;
  vendor: MinerReading['vendor'];
  model: string | null;
  firmware: string | null;
  macAddress: string | null;
};

export type DiscoverOptions = {
  ports?: number[];
  /** Sockets in flight at once. Default 256. */
  concurrency?: number;
  /** Connect and read deadline per probe. Default 2000 ms (REFERENCE §5: 1–3 s). */
  timeoutMs?: number;
  /** Extra attempts after a timeout (a refused port is a definite no). Default 1. */
  retries?: number;
  onProgress?: (done: number, total: number, found: number) => void;
  signal?: AbortSignal;
};

/** Probe one address: `version` names most firmware; btminer is recognised by `summary`. */
async function probe(ip: string, port: number, timeouts: RpcTimeouts, retries: number): Promise<DiscoveredMiner | null> {
  let version: unknown;
  for (let attempt = 0; ; attempt++) {
    try {
      version = await cgminerCommand(ip, port, 'version', undefined, timeouts);
      break;
    } catch (e) {
      const retryable = e instanceof MinerRpcError && (e.code === 'CONNECT_TIMEOUT' || e.code === 'READ_TIMEOUT' || e.code === 'RESET');
      if (!retryable || attempt >= retries) return null;
    }
  }
  let identity = isErrorReply(version) ? null : identifyFromVersion(version);
  let macAddress: string | null = null;
  if (!identity || identity.vendor === 'whatsminer') {
    const summary = await cgminerCommand(ip, port, 'summary', undefined, timeouts).catch(() => null);
    identity ??= identifyFromSummary(summary);
    macAddress = str(first(summary, 'SUMMARY')?.MAC);
  }
  if (!identity) {
    // Something answered in CGMiner's envelope but did not name itself.
    if (!isRec(version) || !('STATUS' in version)) return null;
    identity = { vendor: 'unknown', model: null, firmware: null };
  }
  if (identity.vendor === 'whatsminer') {
    const [gv, dd] = await Promise.all([
      cgminerCommand(ip, port, 'get_version', undefined, timeouts).catch(() => null),
      cgminerCommand(ip, port, 'devdetails', undefined, timeouts).catch(() => null),
    ]);
    identity.firmware ??= isRec(gv) && isRec(gv.Msg) ? str(gv.Msg.fw_ver) : null;
    identity.model ??= str(first(dd, 'DEVDETAILS')?.Model);
  }
  return { ip, port, ...identity, macAddress };
}

/**
 * Scans addresses × ports with bounded concurrency and identifies what answers. Only ever point
 * it at the farm's own miner network (tests: loopback simulators only).
 */
export async function discover(targets: string | string[], opts: DiscoverOptions = {}): Promise<DiscoveredMiner[]> {
  const ips = parseTargets(targets);
  const ports = opts.ports?.length ? opts.ports : [4028];
  const t = opts.timeoutMs ?? 2000;
  const timeouts: RpcTimeouts = { connectTimeoutMs: t, readTimeoutMs: t };
  const retries = opts.retries ?? 1;
  const jobs = ips.flatMap((ip) => ports.map((port) => ({ ip, port })));
  const found: (DiscoveredMiner | null)[] = new Array(jobs.length).fill(null);
  let next = 0;
  let done = 0;
  let hits = 0;

  async function worker() {
    while (next < jobs.length && !opts.signal?.aborted) {
      const i = next++;
      const job = jobs[i]!;
      const m = await probe(job.ip, job.port, timeouts, retries);
      found[i] = m;
      done++;
      if (m) hits++;
      opts.onProgress?.(done, jobs.length, hits);
    }
  }
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 256, jobs.length) }, worker));
  return found.filter((m): m is DiscoveredMiner => m !== null);
}
