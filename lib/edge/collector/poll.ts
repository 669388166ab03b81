import type { MinerReading } from '../types';

export type ReadFn = (host: string, port: number, opts: { timeoutMs: number }) => Promise<MinerReading>;

/** Reads every miner with at most `concurrency` connections in flight; order of the result follows `miners`. */
export async function pollMiners(miners: { host: string; port: number }[], read: ReadFn, opts: { concurrency: number; timeoutMs: number }): Promise<MinerReading[]> {
  const out = new Array<MinerReading>(miners.length);
  let next = 0;
  const worker = async () => {
    while (next < miners.length) {
      const i = next++;
      out[i] = await read(miners[i]!.host, miners[i]!.port, { timeoutMs: opts.timeoutMs });
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, miners.length) }, worker));
  return out;
}
