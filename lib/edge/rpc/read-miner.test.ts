import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatedFarm, type SimulatedFarm } from '../simulator';
import { readMiner } from './read-miner';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

async function farm(opts: Parameters<typeof startSimulatedFarm>[0]): Promise<SimulatedFarm> {
  const f = await startSimulatedFarm(opts);
  cleanup.push(() => f.close());
  return f;
}

describe('readMiner', () => {
  it('fills address, time and status around the parsed fields', async () => {
    const f = await farm({ count: 1, models: ['Antminer S19 Pro'] });
    const m = f.miners[0]!;
    const r = await readMiner(m.host, m.port, { now: () => new Date('2026-01-02T03:04:05Z') });
    expect(r).toMatchObject({ ip: m.host, port: m.port, collectedAt: '2026-01-02T03:04:05.000Z', online: true, error: null });
    expect(r.pools[0]!.url).toBe('stratum+tcp://btc.pool.sim.invalid:3333');
    expect(r.uptimeS!).toBeGreaterThan(0);
  });

  it('uses the caller model catalogue for power when the firmware reports none', async () => {
    const f = await farm({ count: 1, models: ['Antminer S21'] });
    const m = f.miners[0]!;
    const r = await readMiner(m.host, m.port, { modelPowerW: (model) => (model === 'Antminer S21' ? 3456 : null) });
    expect(r).toMatchObject({ powerW: 3456, powerSource: 'model' });
    const none = await readMiner(m.host, m.port, { modelPowerW: () => null });
    expect(none).toMatchObject({ powerW: null, powerSource: null });
  });

  it('a refused port is offline with the reason, and never throws', async () => {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise((r) => srv.close(r));
    const r = await readMiner('127.0.0.1', port);
    expect(r).toMatchObject({ online: false, vendor: 'unknown', hashrate5sThs: null, fansRpm: [], pools: [] });
    expect(r.error).toMatch(/refused/);
  });

  it('a miner that accepts and never answers is offline after one timeout, not five', async () => {
    const sockets: net.Socket[] = [];
    const srv = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    cleanup.push(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => srv.close(r));
    });
    const t0 = performance.now();
    const r = await readMiner('127.0.0.1', (srv.address() as net.AddressInfo).port, { timeoutMs: 250 });
    expect(r.online).toBe(false);
    expect(r.error).toMatch(/did not answer/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('something that answers but not as a miner is offline with a bad-reply reason', async () => {
    const srv = net.createServer((s) => s.once('data', () => s.end('<html>router login</html>')));
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise((r) => srv.close(r)));
    const r = await readMiner('127.0.0.1', (srv.address() as net.AddressInfo).port);
    expect(r.online).toBe(false);
    expect(r.error).toMatch(/not JSON/);
  });
});

describe('readMiner never calls an unreadable reply online', () => {
  async function jsonServer(reply: (cmd: string) => unknown) {
    const srv = net.createServer((s) =>
      s.once('data', (d) => {
        const text = d.toString('latin1');
        const cmd = String((JSON.parse(text.slice(text.indexOf('{'))) as { command?: string; cmd?: string }).command ?? '');
        s.end(JSON.stringify(reply(cmd)));
      }),
    );
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise((r) => srv.close(r)));
    return (srv.address() as net.AddressInfo).port;
  }

  it.each([
    ['a JSON reply with no SUMMARY (an HTTP-style API on the port)', () => ({ code: 0, msg: { ok: true } })],
    ['an empty SUMMARY from an unknown firmware', () => ({ STATUS: [{ STATUS: 'S' }], SUMMARY: [{}] })],
    ['a SUMMARY whose figures are all text', () => ({ STATUS: [{ STATUS: 'S' }], SUMMARY: [{ Hashrate: 'lots', Temp: 'warm' }] })],
  ])('%s is offline with a reason', async (_name, reply) => {
    const port = await jsonServer(reply);
    const r = await readMiner('127.0.0.1', port);
    expect(r.online).toBe(false);
    expect(r.error).toMatch(/answered/);
    expect(r.hashrate5sThs).toBeNull();
  });

  it('a Whatsminer v3 endpoint that answers every request with an error code is offline, not online', async () => {
    const srv = net.createServer((s) =>
      s.once('data', () => {
        const json = Buffer.from(JSON.stringify({ code: -2, when: 1, msg: 'api disabled', desc: 'get.miner.status' }));
        const len = Buffer.alloc(4);
        len.writeUInt32LE(json.length, 0);
        s.end(Buffer.concat([len, json]));
      }),
    );
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise((r) => srv.close(r)));
    const r = await readMiner('127.0.0.1', (srv.address() as net.AddressInfo).port);
    expect(r.online).toBe(false);
    expect(r.vendor).toBe('unknown');
    expect(r.error).toMatch(/v3|not JSON/);
  });

  it('an unknown cgminer firmware whose summary has rates is still read (online, vendor unknown)', async () => {
    const port = await jsonServer((cmd) => (cmd === 'summary' ? { STATUS: [{ STATUS: 'S' }], SUMMARY: [{ 'THS av': 99.5, 'ths 5s': 100.1, Elapsed: 60 }] } : { STATUS: [{ STATUS: 'E', Msg: 'Invalid command' }] }));
    const r = await readMiner('127.0.0.1', port);
    expect(r).toMatchObject({ online: true, vendor: 'unknown', hashrateAvgThs: 99.5, hashrate5sThs: 100.1, uptimeS: 60 });
  });
});

describe('readMiner identity cache', () => {
  it('skips version for a known miner and forgets it when the miner goes offline', async () => {
    const f = await farm({ count: 1, models: [{ model: 'Antminer S19 Pro', firmware: 'luxos' }] });
    const m = f.miners[0]!;
    const cache = new Map();
    const first = await readMiner(m.host, m.port, { identityCache: cache });
    expect(cache.get(`${m.host}:${m.port}`)).toMatchObject({ vendor: 'luxos', model: 'Antminer S19 Pro' });
    // A poisoned entry proves the cache is used: the reading follows it instead of asking `version`.
    cache.set(`${m.host}:${m.port}`, { vendor: 'luxos', model: 'cached model', firmware: 'cached fw' });
    expect((await readMiner(m.host, m.port, { identityCache: cache })).firmware).toBe('cached fw');
    f.setOffline(0, true);
    expect((await readMiner(m.host, m.port, { identityCache: cache })).online).toBe(false);
    expect(cache.has(`${m.host}:${m.port}`)).toBe(false);
    f.setOffline(0, false);
    expect((await readMiner(m.host, m.port, { identityCache: cache })).firmware).toBe(first.firmware);
  });
});
