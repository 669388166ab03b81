import type { MinerReading } from '../types';
import { readMiner, type ReadMinerOptions } from './read-miner';

export type ReadManyOptions = ReadMinerOptions & {
  /** Miners read at once (each read holds one socket at a time). Default 200. */
  concurrency?: number;
};

/** Reads a list of miners with bounded concurrency; readings come back in the input order. */
export async function readMiners(targets: readonly { host: string; port: number }[], opts: ReadManyOptions = {}): Promise<MinerReading[]> {
  const out = new Array<MinerReading>(targets.length);
  let next = 0;
  async function worker() {
    while (next < targets.length) {
      const i = next++;
      const t = targets[i]!;
      out[i] = await readMiner(t.host, t.port, opts);
    }
  }
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 200, targets.length) }, worker));
  return out;
}
