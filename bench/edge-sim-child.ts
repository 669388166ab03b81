// Child process of bench/edge-rpc.ts and edge-collector.ts: hosts the simulated farms so the parent's RSS is the reader's alone.
import { startSimulatedFarm, type SimulatedFarmOptions } from '@/lib/edge/simulator';

process.on('message', async (msg: { start?: SimulatedFarmOptions; cpu?: true }) => {
  if (msg.cpu) {
    const c = process.cpuUsage();
    process.send!({ cpuS: (c.user + c.system) / 1e6 });
    return;
  }
  const farm = await startSimulatedFarm(msg.start!);
  process.send!({ miners: farm.miners.map((m) => ({ host: m.host, port: m.port })), firmware: farm.miners.map((m) => m.firmware), rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) });
});
