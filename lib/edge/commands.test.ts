import { afterEach, describe, expect, it } from 'vitest';
import { executeMinerCommand } from './commands';
import { readMiner } from './rpc/read-miner';
import { startSimulatedFarm, type SimulatedFarm } from './simulator';

const farms: SimulatedFarm[] = [];
afterEach(async () => {
  await Promise.all(farms.splice(0).map((f) => f.close()));
});

async function luxFarm(rebootMs = 400) {
  const f = await startSimulatedFarm({
    count: 3,
    models: [{ model: 'Antminer S19 Pro', firmware: 'luxos' }, 'Antminer S19 Pro', 'Whatsminer M50S'],
    faults: { rebootMs },
  });
  farms.push(f);
  return f;
}

describe('executeMinerCommand on LuxOS (logon + session-gated writes)', () => {
  it('sleep then wake: hashrate goes to zero and comes back', async () => {
    const f = await luxFarm();
    const m = f.miners[0]!;
    const sleep = await executeMinerCommand(m.host, m.port, { type: 'sleep' });
    expect(sleep.ok).toBe(true);
    expect(sleep.executionMs).toBeGreaterThanOrEqual(0);
    expect(f.state(0).sleeping).toBe(true);
    const asleep = await readMiner(m.host, m.port);
    expect(asleep.hashrate5sThs).toBe(0);
    expect(asleep.powerW!).toBeLessThan(50);
    expect((await executeMinerCommand(m.host, m.port, { type: 'wake' })).ok).toBe(true);
    expect((await readMiner(m.host, m.port)).hashrate5sThs!).toBeGreaterThan(90);
  });

  it('reboot: unreachable for a while, then back with uptime reset', async () => {
    const f = await luxFarm(400);
    const m = f.miners[0]!;
    const before = f.state(0).uptimeS;
    expect(before).toBeGreaterThan(60);
    expect((await executeMinerCommand(m.host, m.port, { type: 'reboot' })).ok).toBe(true);
    expect((await readMiner(m.host, m.port, { timeoutMs: 500 })).online).toBe(false);
    await new Promise((r) => setTimeout(r, 1500));
    const back = await readMiner(m.host, m.port);
    expect(back.online).toBe(true);
    expect(back.uptimeS!).toBeLessThan(5);
  });

  it('power_mode low picks the least power-hungry profile the miner lists; normal restores default', async () => {
    const f = await luxFarm();
    const m = f.miners[0]!;
    const normal = (await readMiner(m.host, m.port)).powerW!;
    expect((await executeMinerCommand(m.host, m.port, { type: 'power_mode', params: { mode: 'low' } })).ok).toBe(true);
    expect(f.state(0).profile).toBe('-2');
    expect((await readMiner(m.host, m.port)).powerW!).toBeLessThan(normal * 0.7);
    expect((await executeMinerCommand(m.host, m.port, { type: 'power_mode', params: { mode: 'normal' } })).ok).toBe(true);
    expect(f.state(0).profile).toBe('default');
  });

  it('power_target caps the reported power', async () => {
    const f = await luxFarm();
    const m = f.miners[0]!;
    expect((await executeMinerCommand(m.host, m.port, { type: 'power_target', params: { watts: 2600 } })).ok).toBe(true);
    expect(f.state(0).powerTargetW).toBe(2600);
    expect((await readMiner(m.host, m.port)).powerW!).toBeLessThanOrEqual(2600 * 1.02);
  });

  it('frequency sets every hash board', async () => {
    const f = await luxFarm();
    const m = f.miners[0]!;
    const r = await executeMinerCommand(m.host, m.port, { type: 'frequency', params: { mhz: 480 } });
    expect(r.ok).toBe(true);
    expect(r.message.match(/board/g)).toHaveLength(3);
    expect(f.state(0).freqMhz).toBe(480);
  });

  it('pool_change adds a new pool and switches to it; an existing pool is only switched to', async () => {
    const f = await luxFarm();
    const m = f.miners[0]!;
    const url = 'stratum+tcp://new.pool.sim.invalid:3333';
    expect((await executeMinerCommand(m.host, m.port, { type: 'pool_change', params: { url, user: 'acct.w1' } })).ok).toBe(true);
    expect(f.state(0).pools).toHaveLength(3);
    expect(f.state(0).activePool).toBe(2);
    const r = await readMiner(m.host, m.port);
    expect(r.pools[2]).toMatchObject({ url, user: 'acct.w1' });
    await executeMinerCommand(m.host, m.port, { type: 'pool_change', params: { url, user: 'acct.w1' } });
    expect(f.state(0).pools).toHaveLength(3);
  });

  it('bad parameters are refused before anything is written', async () => {
    const f = await luxFarm();
    const m = f.miners[0]!;
    for (const cmd of [
      { type: 'power_target' as const, params: { watts: 'lots' } },
      { type: 'frequency' as const, params: { mhz: 5 } },
      { type: 'pool_change' as const, params: { url: 'http://x', user: 'u' } },
      { type: 'pool_change' as const, params: { url: 'stratum+tcp://a:1', user: 'u,injected' } },
      { type: 'power_mode' as const, params: { mode: 'turbo' } },
    ]) {
      const r = await executeMinerCommand(m.host, m.port, cmd);
      expect(r.ok, JSON.stringify(cmd)).toBe(false);
      expect(r.message).toMatch(/parameter/);
    }
    expect(f.state(0)).toMatchObject({ profile: 'default', powerTargetW: null, freqMhz: 525, activePool: 0 });
  });
});

describe('executeMinerCommand elsewhere', () => {
  it('btminer without a stored credential: ok false with the reason, and the miner is untouched', async () => {
    const f = await luxFarm();
    const bt = await executeMinerCommand(f.miners[2]!.host, f.miners[2]!.port, { type: 'reboot' });
    expect(bt.ok).toBe(false);
    expect(bt.message).toMatch(/no credential stored/);
    expect(f.state(2).reachable).toBe(true);
  });

  it('an unreachable miner: ok false, no throw', async () => {
    const f = await luxFarm();
    f.setOffline(0, true);
    const r = await executeMinerCommand(f.miners[0]!.host, f.miners[0]!.port, { type: 'wake' }, { timeoutMs: 500 });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/reset|closed/);
  });
});

describe('executeMinerCommand on Avalon (restart, ascset softoff/softon)', () => {
  async function avFarm() {
    const f = await startSimulatedFarm({ count: 1, models: ['Avalon A1466'], faults: { rebootMs: 300 } });
    farms.push(f);
    return f;
  }

  it('sleep then wake through ascset: hashrate to zero and back', async () => {
    const f = await avFarm();
    const m = f.miners[0]!;
    const sleep = await executeMinerCommand(m.host, m.port, { type: 'sleep' });
    expect(sleep).toMatchObject({ ok: true, message: 'ASC 0 set OK' });
    expect(f.state(0).sleeping).toBe(true);
    expect((await readMiner(m.host, m.port)).hashrateAvgThs).toBe(0);
    expect((await executeMinerCommand(m.host, m.port, { type: 'wake' })).ok).toBe(true);
    expect(f.state(0).sleeping).toBe(false);
  });

  it('reboot through restart: unreachable, then back', async () => {
    const f = await avFarm();
    const m = f.miners[0]!;
    expect((await executeMinerCommand(m.host, m.port, { type: 'reboot' })).ok).toBe(true);
    expect(f.state(0).reachable).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect((await readMiner(m.host, m.port)).online).toBe(true);
  });

  it.each(['pool_change', 'power_mode', 'power_target', 'frequency'] as const)('%s is refused as unsupported by this firmware, and nothing changes', async (type) => {
    const f = await avFarm();
    const m = f.miners[0]!;
    const r = await executeMinerCommand(m.host, m.port, { type, params: { watts: 3000 } });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/unsupported by this firmware/);
    expect(f.state(0)).toMatchObject({ sleeping: false, powerTargetW: null, activePool: 0 });
  });
});

describe('executeMinerCommand on SealMiner (ascset suspend, restart)', () => {
  it('sleep through ascset 0,suspend and wake through restart; reboot and pool change are unsupported here', async () => {
    const f = await startSimulatedFarm({ count: 1, models: ['Bitdeer SealMiner A2'] });
    farms.push(f);
    const m = f.miners[0]!;
    expect(await executeMinerCommand(m.host, m.port, { type: 'sleep' })).toMatchObject({ ok: true, message: 'ASC 0 set OK' });
    expect(f.state(0).sleeping).toBe(true);
    expect((await readMiner(m.host, m.port)).hashrateAvgThs).toBe(0);
    expect((await executeMinerCommand(m.host, m.port, { type: 'wake' })).ok).toBe(true);
    expect(f.state(0).sleeping).toBe(false);
    for (const type of ['reboot', 'pool_change', 'power_target'] as const) {
      const r = await executeMinerCommand(m.host, m.port, { type, params: { url: 'stratum+tcp://x.invalid:3333', user: 'u', watts: 3000 } });
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/unsupported by this firmware/);
    }
    expect(f.state(0)).toMatchObject({ reachable: true, activePool: 0, powerTargetW: null });
  });
});

describe('executeMinerCommand on Antminer stock (HTTP digest on the web port)', () => {
  const root = { credential: { username: 'root', password: 'root' } };
  async function bmFarm() {
    const f = await startSimulatedFarm({ count: 1, models: ['Antminer S19 Pro'], faults: { rebootMs: 300 } });
    farms.push(f);
    return f;
  }

  it('sleep → 0 TH/s → wake; power mode low lowers the power; normal restores it', async () => {
    const f = await bmFarm();
    const m = f.miners[0]!;
    const web = { ...root, httpPort: m.port };
    expect(await executeMinerCommand(m.host, m.port, { type: 'sleep' }, web)).toMatchObject({ ok: true, message: 'miner-mode 1 set' });
    expect(f.state(0).sleeping).toBe(true);
    expect((await readMiner(m.host, m.port)).hashrateAvgThs).toBe(0);
    expect((await executeMinerCommand(m.host, m.port, { type: 'wake' }, web)).ok).toBe(true);
    expect(f.state(0).sleeping).toBe(false);
    expect((await executeMinerCommand(m.host, m.port, { type: 'power_mode', params: { mode: 'low' } }, web)).ok).toBe(true);
    expect(f.state(0).profile).toBe('-2');
    expect((await executeMinerCommand(m.host, m.port, { type: 'power_mode', params: { mode: 'normal' } }, web)).ok).toBe(true);
    expect(f.state(0).profile).toBe('default');
  });

  it('pool change: the new pool is first and the miner mines on it', async () => {
    const f = await bmFarm();
    const m = f.miners[0]!;
    const url = 'stratum+tcp://new.pool.sim.invalid:3333';
    expect((await executeMinerCommand(m.host, m.port, { type: 'pool_change', params: { url, user: 'acct.w1' } }, { ...root, httpPort: m.port })).ok).toBe(true);
    expect(f.state(0).pools[0]).toBe(url);
    expect((await readMiner(m.host, m.port)).pools[0]).toMatchObject({ url, user: 'acct.w1' });
  });

  it('reboot: unreachable, then back', async () => {
    const f = await bmFarm();
    const m = f.miners[0]!;
    expect((await executeMinerCommand(m.host, m.port, { type: 'reboot' }, { ...root, httpPort: m.port })).ok).toBe(true);
    expect(f.state(0).reachable).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect((await readMiner(m.host, m.port)).online).toBe(true);
  });

  it('a wrong password, or none stored without vendor defaults allowed: refused, nothing changes', async () => {
    const f = await bmFarm();
    const m = f.miners[0]!;
    const wrong = await executeMinerCommand(m.host, m.port, { type: 'sleep' }, { credential: { username: 'root', password: 'nope' }, httpPort: m.port });
    expect(wrong).toMatchObject({ ok: false });
    expect(wrong.message).toMatch(/refused the login/);
    const none = await executeMinerCommand(m.host, m.port, { type: 'sleep' }, { httpPort: m.port });
    expect(none.message).toMatch(/no credential stored/);
    expect(f.state(0).sleeping).toBe(false);
    // The operator may allow the factory login instead.
    expect((await executeMinerCommand(m.host, m.port, { type: 'sleep' }, { httpPort: m.port, allowVendorDefaults: true })).ok).toBe(true);
  });

  it('power target and frequency: unsupported by this firmware, refused before the miner is asked', async () => {
    const f = await bmFarm();
    const m = f.miners[0]!;
    for (const type of ['power_target', 'frequency'] as const) {
      const r = await executeMinerCommand(m.host, m.port, { type, params: { watts: 3000, mhz: 500 } }, { ...root, httpPort: m.port });
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/unsupported by this firmware \(antminer\)/);
    }
    expect(f.state(0)).toMatchObject({ powerTargetW: null, freqMhz: 525 });
  });
});

describe('executeMinerCommand on VNish (HTTP /api/v1 with a bearer token)', () => {
  it('sleep → 0 TH/s → wake; a tuned preset caps the power; reboot takes it down', async () => {
    const f = await startSimulatedFarm({ count: 1, models: [{ model: 'Antminer S19j Pro', firmware: 'vnish' }], faults: { rebootMs: 300 } });
    farms.push(f);
    const m = f.miners[0]!;
    const web = { credential: { username: 'admin', password: 'admin' }, httpPort: m.port };
    expect(await executeMinerCommand(m.host, m.port, { type: 'sleep' }, web)).toMatchObject({ ok: true, message: 'mining paused' });
    expect((await readMiner(m.host, m.port)).hashrateAvgThs).toBe(0);
    expect((await executeMinerCommand(m.host, m.port, { type: 'wake' }, web)).ok).toBe(true);
    expect(f.state(0).sleeping).toBe(false);
    const preset = Math.round((3068 * 0.8) / 10) * 10;
    expect((await executeMinerCommand(m.host, m.port, { type: 'power_target', params: { watts: preset } }, web)).ok).toBe(true);
    expect(f.state(0).powerTargetW).toBe(preset);
    expect((await executeMinerCommand(m.host, m.port, { type: 'reboot' }, web)).ok).toBe(true);
    expect(f.state(0).reachable).toBe(false);
  });
});

describe('executeMinerCommand on Auradine (REST API on 8080 with a token)', () => {
  it('identifies GCMiner on the cgminer port, then sleeps, wakes, sets a power target, changes pools (read back over the cgminer `pools` reply) and reboots over the web port', async () => {
    const f = await startSimulatedFarm({ count: 1, models: ['Auradine AT1500'], faults: { rebootMs: 300 } });
    farms.push(f);
    const m = f.miners[0]!;
    const web = { credential: { username: 'admin', password: 'admin' }, httpPort: m.port };
    expect(await executeMinerCommand(m.host, m.port, { type: 'sleep' }, web)).toMatchObject({ ok: true, message: 'sleeping' });
    expect((await readMiner(m.host, m.port)).hashrateAvgThs).toBe(0);
    expect(await executeMinerCommand(m.host, m.port, { type: 'wake' }, web)).toMatchObject({ ok: true, message: 'hashing' });
    expect((await executeMinerCommand(m.host, m.port, { type: 'power_target', params: { watts: 3000 } }, web)).ok).toBe(true);
    expect(f.state(0).powerTargetW).toBe(3000);
    const before = (await readMiner(m.host, m.port)).pools.map((p) => `${p.url} ${p.user}`);
    expect(before).toHaveLength(2);
    const url = 'stratum+tcp://new.pool.invalid:3333';
    const pools = await executeMinerCommand(m.host, m.port, { type: 'pool_change', params: { url, user: 'acct.w1', password: 'pw-secret' } }, web);
    expect(pools).toMatchObject({ ok: true, message: `pool 1 set to ${url}` });
    expect(JSON.stringify(pools)).not.toContain('pw-secret');
    expect((await readMiner(m.host, m.port)).pools.map((p) => `${p.url} ${p.user}`)).toEqual([`${url} acct.w1`, ...before]);
    // The same pool again moves to the front instead of being added twice; a backup moves up the same way.
    expect((await executeMinerCommand(m.host, m.port, { type: 'pool_change', params: { url: before[1]!.split(' ')[0], user: before[1]!.split(' ')[1] } }, web)).ok).toBe(true);
    expect((await readMiner(m.host, m.port)).pools.map((p) => `${p.url} ${p.user}`)).toEqual([before[1], `${url} acct.w1`, before[0]]);
    expect(f.state(0).activePool).toBe(0);
    expect((await executeMinerCommand(m.host, m.port, { type: 'reboot' }, { httpPort: m.port })).message).toMatch(/no credential stored/);
    expect(f.state(0).reachable).toBe(true);
    expect((await executeMinerCommand(m.host, m.port, { type: 'reboot' }, web)).ok).toBe(true);
    expect(f.state(0).reachable).toBe(false);
  });
});

describe('executeMinerCommand on Whatsminer (API v2 token crypto on 4028, API v3 on its own port)', () => {
  it.each([['btminer'], ['btminer-v3']] as const)('%s: sleep → 0 TH/s → wake, power mode, power limit, pools, reboot', async (firmware) => {
    const f = await startSimulatedFarm({ count: 1, models: [{ model: 'Whatsminer M60S', firmware }], faults: { rebootMs: 300 } });
    farms.push(f);
    const m = f.miners[0]!;
    const login = firmware === 'btminer' ? { username: 'admin', password: 'admin' } : { username: 'super', password: 'super' };
    const run = (cmd: Parameters<typeof executeMinerCommand>[2]) => executeMinerCommand(m.host, m.port, cmd, { credential: login });
    expect((await run({ type: 'sleep' })).ok).toBe(true);
    expect(f.state(0).sleeping).toBe(true);
    expect((await readMiner(m.host, m.port)).hashrateAvgThs).toBe(0);
    expect((await run({ type: 'wake' })).ok).toBe(true);
    expect(f.state(0).sleeping).toBe(false);
    expect((await run({ type: 'power_mode', params: { mode: 'low' } })).ok).toBe(true);
    expect(f.state(0).profile).toBe('-2');
    expect((await run({ type: 'power_target', params: { watts: 3000 } })).ok).toBe(true);
    expect(f.state(0).powerTargetW).toBe(3000);
    const url = 'stratum+tcp://new.pool.sim.invalid:3333';
    expect((await run({ type: 'pool_change', params: { url, user: 'acct.w1', password: 'pw' } })).ok).toBe(true);
    expect(f.state(0).pools[0]).toBe(url);
    const wrong = await executeMinerCommand(m.host, m.port, { type: 'reboot' }, { credential: { ...login, password: 'wrong' } });
    expect(wrong.ok).toBe(false);
    expect(f.state(0).reachable).toBe(true);
    expect((await run({ type: 'reboot' })).ok).toBe(true);
    expect(f.state(0).reachable).toBe(false);
  });
});

describe('executeMinerCommand on Braiins OS (public gRPC API)', () => {
  it('sleep → 0 TH/s → wake; power target; pools (PoolService); a wrong password changes nothing; reboot', async () => {
    const f = await startSimulatedFarm({ count: 1, models: [{ model: 'Antminer S19j Pro', firmware: 'bosminer' }], faults: { rebootMs: 300 } });
    farms.push(f);
    const m = f.miners[0]!;
    const grpc = { credential: { username: 'root', password: 'root' }, httpPort: m.port };
    expect(await executeMinerCommand(m.host, m.port, { type: 'sleep' }, grpc)).toMatchObject({ ok: true, message: 'PauseMining' });
    expect((await readMiner(m.host, m.port)).hashrateAvgThs).toBe(0);
    expect((await executeMinerCommand(m.host, m.port, { type: 'wake' }, grpc)).ok).toBe(true);
    expect(f.state(0).sleeping).toBe(false);
    expect((await executeMinerCommand(m.host, m.port, { type: 'power_target', params: { watts: 2500 } }, grpc)).ok).toBe(true);
    expect(f.state(0).powerTargetW).toBe(2500);
    const wrong = await executeMinerCommand(m.host, m.port, { type: 'sleep' }, { ...grpc, credential: { username: 'root', password: 'x' } });
    expect(wrong.message).toMatch(/refused the login \(gRPC status 16/);
    expect(f.state(0).sleeping).toBe(false);
    const mode = await executeMinerCommand(m.host, m.port, { type: 'power_mode', params: { mode: 'low' } }, grpc);
    expect(mode.message).toMatch(/unsupported by this firmware \(braiins\)/);
    const before = f.state(0).pools;
    const url = 'stratum+tcp://new.pool.sim.invalid:3333';
    const set = await executeMinerCommand(m.host, m.port, { type: 'pool_change', params: { url, user: 'acct.w1', password: 'pool-secret' } }, grpc);
    expect(set).toMatchObject({ ok: true, message: 'SetPoolGroups: pool 1 set' });
    expect(JSON.stringify(set)).not.toContain('pool-secret');
    expect(f.state(0).pools).toEqual([url, ...before]);
    const read = await readMiner(m.host, m.port);
    expect(read.pools.map((p) => [p.url, p.user])).toEqual([[url, 'acct.w1'], ...before.map((u) => [u, expect.stringMatching(/^sim\./)])]);
    // Again with the same pool: moved to the front, not doubled (read back through GetPoolGroups).
    expect((await executeMinerCommand(m.host, m.port, { type: 'pool_change', params: { url: before[1]!, user: read.pools[2]!.user } }, grpc)).ok).toBe(true);
    expect(f.state(0).pools).toEqual([before[1], url, before[0]]);
    expect((await executeMinerCommand(m.host, m.port, { type: 'reboot' }, grpc)).ok).toBe(true);
    expect(f.state(0).reachable).toBe(false);
  });
});

describe('Elphapex (web CGIs only: read and reboot over HTTP digest)', () => {
  it('reads online only with a web login; an unreadable cgminer port never counts as online; reboot over reboot.cgi', async () => {
    const f = await startSimulatedFarm({ count: 1, models: ['Elphapex DG1+'], faults: { rebootMs: 300 } });
    farms.push(f);
    const m = f.miners[0]!;
    const blind = await readMiner(m.host, m.port);
    expect(blind.online).toBe(false);
    const wrong = await readMiner(m.host, m.port, { web: { port: m.port, credential: { username: 'root', password: 'nope' } } });
    expect(wrong).toMatchObject({ online: false });
    const r = await readMiner(m.host, m.port, { web: { port: m.port, credential: { username: 'root', password: 'root' } } });
    expect(r).toMatchObject({ online: true, vendor: 'elphapex', model: 'DG1+', macAddress: m.mac, powerSource: 'model', powerW: 3920 });
    expect(r.hashrateAvgThs!).toBeGreaterThan(0.013);
    expect(r.hashrateAvgThs!).toBeLessThan(0.015);
    expect(r.fansRpm).toHaveLength(4);
    expect(r.pools[0]!.url).toBe(f.state(0).pools[0]);
    const login = { credential: { username: 'root', password: 'root' }, httpPort: m.port };
    expect((await executeMinerCommand(m.host, m.port, { type: 'sleep' }, login)).message).toMatch(/unsupported by this firmware \(elphapex\)/);
    expect((await executeMinerCommand(m.host, m.port, { type: 'reboot' }, login)).ok).toBe(true);
    expect(f.state(0).reachable).toBe(false);
  });
});
