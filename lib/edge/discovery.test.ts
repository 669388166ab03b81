import { afterEach, describe, expect, it } from 'vitest';
import { discover } from './discovery';
import { startSimulatedFarm, type SimulatedFarm } from './simulator';

const farms: SimulatedFarm[] = [];
afterEach(async () => {
  await Promise.all(farms.splice(0).map((f) => f.close()));
});

// Loopback only: a /24 inside 127.0.0.0/8 with simulators on some of its addresses.
const octet = 100 + Math.floor(Math.random() * 100);
const NET = `127.${octet}.${Math.floor(Math.random() * 250)}`;
const PORT = 20_000 + Math.floor(Math.random() * 20_000);

describe('discover (loopback simulators)', () => {
  it('finds every simulated miner in a /24 and identifies vendor, model and firmware', async () => {
    const f = await startSimulatedFarm({
      count: 12,
      host: `${NET}.20`,
      addressing: 'hosts',
      basePort: PORT,
      models: ['Antminer S19 Pro', 'Whatsminer M50S', { model: 'Antminer S21', firmware: 'luxos' }],
    });
    farms.push(f);
    f.setOffline(5, true);
    const progress: number[] = [];
    const found = await discover(`${NET}.0/24`, { ports: [PORT], concurrency: 64, timeoutMs: 1000, retries: 0, onProgress: (d) => progress.push(d) });
    expect(progress.at(-1)).toBe(254);
    expect(found.map((m) => m.ip)).toEqual(f.miners.filter((_, i) => i !== 5).map((m) => m.host));
    expect(found[0]).toEqual({ ip: `${NET}.20`, port: PORT, vendor: 'antminer', model: 'Antminer S19 Pro', firmware: 'bmminer 1.0.0 (49.0.1.3)', macAddress: null });
    expect(found[1]).toMatchObject({ vendor: 'whatsminer', model: 'M50S.VH50', firmware: '20230803.11.REL', macAddress: f.miners[1]!.mac });
    expect(found[2]).toMatchObject({ vendor: 'luxos', model: 'Antminer S21' });
  });

  it('probes several ports per address and finds nothing where nothing listens', async () => {
    const found = await discover(`${NET}.1-${NET}.8`, { ports: [PORT + 1, PORT + 2], timeoutMs: 500, retries: 1 });
    expect(found).toEqual([]);
  });
});
