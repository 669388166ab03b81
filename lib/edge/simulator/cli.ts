// `npx tsx lib/edge/simulator/cli.ts --count 200 [--host 127.0.0.1] [--addressing ports|hosts] [--base-port 0]
//   [--seed 1] [--offline-rate 0.01] [--overheat-rate 0.02] [--malformed-rate 0.1] [--miners-out miners.json]`
// Runs a simulated farm on loopback until Ctrl-C. --miners-out writes [{host, port, httpPort}] for collector.json's "miners"
// (each simulated miner answers its web/gRPC API on the same port).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startSimulatedFarm } from './index';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100' },
    host: { type: 'string', default: '127.0.0.1' },
    addressing: { type: 'string', default: 'ports' },
    'base-port': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'offline-rate': { type: 'string', default: '0' },
    'overheat-rate': { type: 'string', default: '0' },
    'malformed-rate': { type: 'string', default: '0' },
    'miners-out': { type: 'string' },
  },
});

const addressing = values.addressing === 'hosts' ? 'hosts' : 'ports';
const farm = await startSimulatedFarm({
  count: Number(values.count),
  host: values.host,
  addressing,
  basePort: Number(values['base-port']) || (addressing === 'hosts' ? 4028 : 0),
  seed: Number(values.seed),
  faults: {
    offlineRate: Number(values['offline-rate']),
    overheatRate: Number(values['overheat-rate']),
    malformedRate: Number(values['malformed-rate']),
  },
});
const counts = farm.miners.reduce<Record<string, number>>((acc, m) => ((acc[`${m.model} (${m.firmware})`] = (acc[`${m.model} (${m.firmware})`] ?? 0) + 1), acc), {});
console.log(JSON.stringify({ msg: 'simulated farm listening', miners: farm.miners.length, first: farm.miners[0], last: farm.miners.at(-1), models: counts }));
if (values['miners-out']) writeFileSync(values['miners-out'], JSON.stringify(farm.miners.map(({ host, port }) => ({ host, port, httpPort: port })), null, 1));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await farm.close();
    process.exit(0);
  });
}
