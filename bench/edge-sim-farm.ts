// A simulated farm in a child process (edge-sim-child.ts), so a benchmark's own RSS is the reader's alone.
import { fork } from 'node:child_process';
import path from 'node:path';
import type { SimulatedFarmOptions } from '@/lib/edge/simulator';

type Farm = { miners: { host: string; port: number }[]; firmware: string[]; rssMb: number; cpuS: () => Promise<number>; stop: () => void };

export function startFarmProcess(opts: SimulatedFarmOptions): Promise<Farm> {
  const child = fork(path.join(import.meta.dirname, 'edge-sim-child.ts'), { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
    const cpuS = () =>
      new Promise<number>((res) => {
        child.once('message', (r: { cpuS: number }) => res(r.cpuS));
        child.send({ cpu: true });
      });
    child.once('message', (m: Omit<Farm, 'cpuS' | 'stop'>) => resolve({ ...m, cpuS, stop: () => child.kill() }));
    child.send({ start: opts });
  });
}
