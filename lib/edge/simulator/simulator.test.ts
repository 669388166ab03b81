import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readMiner } from '../rpc/read-miner';
import { startSimulatedFarm, type SimulatedFarm } from './index';

const farms: SimulatedFarm[] = [];
afterEach(async () => {
  await Promise.all(farms.splice(0).map((f) => f.close()));
});
async function farm(opts: Parameters<typeof startSimulatedFarm>[0]) {
  const f = await startSimulatedFarm(opts);
  farms.push(f);
  return f;
}

/** The raw bytes a miner sends for one command. */
function raw(host: string, port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.createConnection({ host, port }, () => s.write(JSON.stringify({ command })));
    let out = '';
    s.on('data', (d) => (out += d.toString()));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

describe('simulated farm', () => {
  it('impersonates bmminer, btminer and LuxOS, each read back as its vendor with plausible values', async () => {
    const f = await farm({ count: 3, models: ['Antminer S19 Pro', 'Whatsminer M50S', { model: 'Antminer S21', firmware: 'luxos' }] });
    const [a, w, l] = await Promise.all(f.miners.map((m) => readMiner(m.host, m.port)));
    expect(a).toMatchObject({ online: true, vendor: 'antminer', model: 'Antminer S19 Pro', hashrateNominalThs: 110, powerW: 3250, powerSource: 'model', macAddress: null });
    expect(a!.hashrate5sThs!).toBeGreaterThan(110 * 0.85);
    expect(a!.hashrate5sThs!).toBeLessThan(110 * 1.15);
    expect(a!.fansRpm).toHaveLength(4);
    expect(w).toMatchObject({ online: true, vendor: 'whatsminer', model: 'M50S.VH50', hashrateNominalThs: 126, powerSource: 'reported', macAddress: f.miners[1]!.mac });
    expect(w!.powerW!).toBeGreaterThan(3000);
    expect(w!.tempInletC).not.toBeNull();
    expect(l).toMatchObject({ online: true, vendor: 'luxos', model: 'Antminer S21', hashrateNominalThs: 200, powerSource: 'reported', macAddress: f.miners[2]!.mac });
    expect(l!.firmware).toMatch(/^LUXminer /);
  });

  it('speaks Avalon (MM ID text) and SealMiner (bdminer), each read end to end with MAC, temperatures, fans and reported power', async () => {
    const f = await farm({ count: 2, models: ['Avalon A1466', 'Bitdeer SealMiner A2'] });
    const [av, bd] = await Promise.all(f.miners.map((m) => readMiner(m.host, m.port)));
    expect(av).toMatchObject({ online: true, vendor: 'avalon', model: 'AvalonMiner A1466', macAddress: f.miners[0]!.mac, hashrateNominalThs: 150, powerSource: 'reported' });
    expect(av!.fansRpm).toHaveLength(4);
    expect(av!.tempChipMaxC).not.toBeNull();
    expect(av!.tempInletC).not.toBeNull();
    expect(av!.powerW!).toBeGreaterThan(3000);
    expect(av!.hashrateAvgThs!).toBeGreaterThan(150 * 0.98);
    expect(bd).toMatchObject({ online: true, vendor: 'sealminer', model: 'SealMiner A2', macAddress: f.miners[1]!.mac, hashrateNominalThs: 226, powerSource: 'reported' });
    expect(bd!.fansRpm).toHaveLength(4);
    expect(bd!.tempChipMaxC).not.toBeNull();
    expect(bd!.tempBoardMaxC).not.toBeNull();
    // The rate of record is the average, within 1 % of nominal, whatever the 5 s spike says.
    expect(Math.abs(bd!.hashrateAvgThs! - 226)).toBeLessThan(226 * 0.01);
  });

  it('speaks Auradine GCMiner (fan, temperature, psu, ipreport), read end to end as online with hashrate, temperatures, fans and reported power', async () => {
    const f = await farm({ count: 1, models: ['Auradine AT1500'] });
    const m = f.miners[0]!;
    const au = await readMiner(m.host, m.port);
    expect(au).toMatchObject({ online: true, vendor: 'auradine', model: 'AT1500', macAddress: m.mac, powerSource: 'reported' });
    expect(au.firmware).toMatch(/^GCMiner/);
    expect(au.fansRpm).toHaveLength(4);
    expect(au.fansRpm!.every((r) => r > 4000)).toBe(true);
    expect(au.tempChipMaxC!).toBeGreaterThan(55);
    expect(au.tempBoardMaxC!).toBeLessThan(au.tempChipMaxC!);
    expect(Math.abs(au.powerW! - 3400)).toBeLessThan(3400 * 0.05);
    expect(Math.abs(au.hashrateAvgThs! - 180)).toBeLessThan(180 * 0.05);
    // Values come from the state, not the fixture: the fixture's PSU draws 58.94 W.
    const psu = JSON.parse((await raw(m.host, m.port, 'psu')).replace(/\u0000$/, '')) as { PSU: { PowerIn: string }[] };
    expect(psu.PSU[0]!.PowerIn).toMatch(/^\d+\.\d\dW$/);
    expect(psu.PSU[0]!.PowerIn).not.toBe('58.94W');
  });

  it('speaks Whatsminer API v3 (framed JSON cmd protocol), which the collector reads end to end and then remembers', async () => {
    const f = await farm({ count: 1, models: [{ model: 'Whatsminer M60S', firmware: 'btminer-v3' }] });
    const m = f.miners[0]!;
    const cache = new Map();
    const r = await readMiner(m.host, m.port, { identityCache: cache });
    expect(r).toMatchObject({ online: true, error: null, vendor: 'whatsminer', model: 'M60S_VL10', macAddress: m.mac, hashrateNominalThs: 186, powerSource: 'reported', firmware: 'btminer v3 20241105.22.REL' });
    expect(Math.abs(r.hashrateAvgThs! - 186)).toBeLessThan(186 * 0.01);
    expect(r.fansRpm).toHaveLength(2);
    expect(r.tempChipMaxC).not.toBeNull();
    expect(r.tempInletC).toBe(27.5);
    expect(r.pools[0]!.url).toBe('stratum+tcp://btc.pool.sim.invalid:3333');
    expect(cache.get(`${m.host}:${m.port}`)).toMatchObject({ vendor: 'whatsminer', firmware: 'btminer v3 20241105.22.REL' });
    expect((await readMiner(m.host, m.port, { identityCache: cache })).online).toBe(true);
  });

  it('speaks Braiins OS (temps, fans, tunerstatus) and VNish, each read end to end', async () => {
    const f = await farm({ count: 2, models: [{ model: 'Antminer S19j Pro', firmware: 'bosminer' }, { model: 'Antminer S19j Pro', firmware: 'vnish' }] });
    const [bos, vn] = await Promise.all(f.miners.map((m) => readMiner(m.host, m.port)));
    expect(bos).toMatchObject({ online: true, vendor: 'braiins', firmware: 'boser-buildroot 0.1.0-45f356ea', hashrateNominalThs: 104, powerSource: 'reported' });
    expect(bos!.powerW!).toBeGreaterThan(2500);
    expect(bos!.fansRpm).toHaveLength(4);
    expect(bos!.tempChipMaxC).not.toBeNull();
    expect(bos!.tempBoardMaxC).not.toBeNull();
    expect(Math.abs(bos!.hashrateAvgThs! - 104)).toBeLessThan(104 * 0.01);
    expect(vn).toMatchObject({ online: true, vendor: 'vnish', model: 'Antminer S19j Pro', hashrateNominalThs: 104 });
    expect(vn!.firmware).toMatch(/^VNish/);
    expect(vn!.fansRpm).toHaveLength(4);
  });

  it('replies NUL-terminated like cgminer, and with the }{ quirk when asked, which the client repairs', async () => {
    const f = await farm({ count: 1, faults: { malformedRate: 1 } });
    const m = f.miners[0]!;
    const text = await raw(m.host, m.port, 'stats');
    expect(text.endsWith('\u0000')).toBe(true);
    expect(text).toContain('}{');
    expect(() => JSON.parse(text.slice(0, -1))).toThrow();
    const r = await readMiner(m.host, m.port);
    expect(r.tempChipMaxC).not.toBeNull();
  });

  it('is reproducible from its seed', async () => {
    const a = await farm({ count: 4, seed: 7 });
    const b = await farm({ count: 4, seed: 7 });
    const c = await farm({ count: 4, seed: 8 });
    expect(a.miners.map((m) => m.serial)).toEqual(b.miners.map((m) => m.serial));
    expect(a.miners.map((m) => m.serial)).not.toEqual(c.miners.map((m) => m.serial));
  });

  it('setOffline makes a miner unreachable and back', async () => {
    const f = await farm({ count: 2 });
    f.setOffline(1, true);
    const off = await readMiner(f.miners[1]!.host, f.miners[1]!.port, { timeoutMs: 1000 });
    expect(off.online).toBe(false);
    expect(off.error).toMatch(/reset|closed/);
    expect(off.hashrate5sThs).toBeNull();
    f.setOffline(1, false);
    expect((await readMiner(f.miners[1]!.host, f.miners[1]!.port)).online).toBe(true);
  });

  it('offline spells start from polls and end after their duration', async () => {
    let now = 1_700_000_000_000;
    const f = await farm({ count: 1, clock: () => now, faults: { offlineRate: 1, offlineSpellMs: 60_000 } });
    const m = f.miners[0]!;
    expect((await readMiner(m.host, m.port)).online).toBe(true);
    expect((await readMiner(m.host, m.port)).online).toBe(false);
    now += 61_000;
    expect((await readMiner(m.host, m.port)).online).toBe(true);
  });

  it('overheating miners report hot chips, fast fans and throttled hashrate', async () => {
    const f = await farm({ count: 2, models: ['Antminer S21', 'Whatsminer M60S'], faults: { overheatRate: 1 } });
    for (const m of f.miners) {
      const r = await readMiner(m.host, m.port);
      expect(r.tempChipMaxC!).toBeGreaterThan(90);
      expect(Math.max(...r.fansRpm)).toBeGreaterThan(6000);
      expect(r.hashrate5sThs!).toBeLessThan(r.hashrateNominalThs! * 0.95);
    }
  });

  it("'hosts' addressing puts miner i on 127.x.y.(z+i) with one port", async () => {
    const f = await farm({ count: 3, host: '127.61.5.10', addressing: 'hosts', basePort: 24028 });
    expect(f.miners.map((m) => `${m.host}:${m.port}`)).toEqual(['127.61.5.10:24028', '127.61.5.11:24028', '127.61.5.12:24028']);
    expect((await readMiner('127.61.5.12', 24028)).online).toBe(true);
  });

  it('refuses non-loopback addresses and unknown models', async () => {
    await expect(startSimulatedFarm({ count: 1, host: '10.0.0.1' })).rejects.toThrow(/loopback/);
    await expect(startSimulatedFarm({ count: 1, models: ['Antminer Z99'] })).rejects.toThrow(/Unknown/);
    await expect(startSimulatedFarm({ count: 1, models: [{ model: 'Whatsminer M50S', firmware: 'luxos' }] })).rejects.toThrow(/does not run/);
  });
});
