import type { MinerCredential } from '../writes/credentials';
import type { MinerReading } from '../types';

/** `web`: the miner's web port and login, for firmware read over HTTP (lib/edge/rpc/read-miner.ts). */
export type ReadFn = (host: string, port: number, opts: { timeoutMs: number; web?: { port?: number; credential: MinerCredential | null } }) => Promise<MinerReading>;
type Target = { host: string; port: number; httpPort?: number };

/** Reads every miner with at most `concurrency` connections in flight; order of the result follows `miners`. */
export async function pollMiners(
  miners: Target[],
  read: ReadFn,
  opts: { concurrency: number; timeoutMs: number; loginFor?: (m: Target) => MinerCredential | null },
): Promise<MinerReading[]> {
  const out = new Array<MinerReading>(miners.length);
  let next = 0;
  const worker = async () => {
    while (next < miners.length) {
      const i = next++;
      const m = miners[i]!;
      const credential = opts.loginFor?.(m) ?? null;
      out[i] = await read(m.host, m.port, credential ? { timeoutMs: opts.timeoutMs, web: { ...(m.httpPort ? { port: m.httpPort } : {}), credential } } : { timeoutMs: opts.timeoutMs });
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, miners.length) }, worker));
  return out;
}
