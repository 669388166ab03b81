import { afterEach, describe, expect, it } from 'vitest';
import { fakeMinerWeb, type SeenRequest } from '@/tests/helpers/fake-miner-web';
import invalidToken from '@/tests/fixtures/miners/auradine-web/invalid-token.json';
import mode from '@/tests/fixtures/miners/auradine-web/mode.json';
import tokenReply from '@/tests/fixtures/miners/auradine-web/token.json';
import { startSimulatedFarm, type SimulatedFarm } from '../simulator';
import type { MinerCommand } from '../commands';
import { auradineWrite } from './auradine';

const TOKEN = tokenReply.Token[0]!.Token;
/** The cgminer `pools` reply as the REST API answers it: URL and User, never a password. */
const POOLS_REPLY = {
  STATUS: [{ STATUS: 'S', When: 1733500000, Code: 7, Msg: '3 Pool(s)', Description: 'GCMiner' }],
  POOLS: [
    { POOL: 0, URL: 'stratum+tcp://old.pool.invalid:3333', User: 'acct.old', Status: 'Alive' },
    { POOL: 1, URL: 'stratum+tcp://new.pool.invalid:3333', User: 'acct.w1', Status: 'Alive' },
    { POOL: 2, URL: 'stratum+ssl://backup.pool.invalid:443', User: 'acct.old', Status: 'Alive' },
  ],
  id: 1,
};
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Fixture replies: /token for admin/admin, then the "Token" header on every call. */
async function auradine(overrides: Record<string, { status: number; body?: unknown }> = {}) {
  const web = await fakeMinerWeb((req) => {
    const route = `${req.method} ${req.url}`;
    if (overrides[route]) return overrides[route];
    if (route === 'POST /token') {
      const b = JSON.parse(req.body) as { user?: string; password?: string };
      return b.user === 'admin' && b.password === 'admin' ? { status: 200, body: tokenReply } : { status: 200, body: { ...invalidToken, STATUS: [{ ...invalidToken.STATUS[0], Msg: 'Invalid user or password' }] } };
    }
    if (req.headers.token !== TOKEN) return { status: 200, body: invalidToken };
    if (route === 'POST /restart' || route === 'POST /mode') return { status: 200, body: mode };
    if (route === 'GET /pools') return { status: 200, body: POOLS_REPLY };
    if (route === 'POST /updatepools') return { status: 200, body: { ...mode, STATUS: [{ ...mode.STATUS[0], Msg: '3 Pool(s) updated' }] } };
    return null;
  });
  servers.push(web);
  return web;
}
const run = (port: number, cmd: MinerCommand, password = 'admin') => auradineWrite({ host: '127.0.0.1', port, cmd, credential: { username: 'admin', password }, timeoutMs: 2000 });
const calls = (seen: SeenRequest[]) => seen.map((r) => `${r.method} ${r.url} ${r.body}`);

describe('Auradine writes over its REST API (fixture replies)', () => {
  it.each([
    [{ type: 'reboot' }, 'POST /restart {"command":"restart"}', 'rebooting'],
    [{ type: 'sleep' }, 'POST /mode {"sleep":"on","command":"mode"}', 'sleeping'],
    [{ type: 'wake' }, 'POST /mode {"sleep":"off","command":"mode"}', 'hashing'],
    [{ type: 'power_mode', params: { mode: 'low' } }, 'POST /mode {"mode":"eco","command":"mode"}', 'mode eco'],
    [{ type: 'power_mode', params: { mode: 'high' } }, 'POST /mode {"mode":"turbo","command":"mode"}', 'mode turbo'],
    [{ type: 'power_target', params: { watts: 3000 } }, 'POST /mode {"mode":"custom","tune":"power","power":3000,"command":"mode"}', 'power target 3000 W'],
  ] as const)('%o: token, then %s', async (cmd, call, message) => {
    const web = await auradine();
    expect(await run(web.port, cmd as MinerCommand)).toEqual({ ok: true, message });
    expect(calls(web.seen)).toEqual(['POST /token {"user":"admin","password":"admin","command":"token"}', call]);
    expect(web.seen[1]!.headers.token).toBe(TOKEN);
  });

  it('a wrong password is refused at /token and nothing else is sent', async () => {
    const web = await auradine();
    const r = await run(web.port, { type: 'reboot' }, 'nope');
    expect(r).toEqual({ ok: false, message: 'the miner refused the login (HTTP 200 Invalid user or password): check its stored credential' });
    expect(web.seen).toHaveLength(1);
  });

  it('an "E" status is a refusal with its message; bad parameters and unsupported commands never reach the miner', async () => {
    const web = await auradine({ 'POST /mode': { status: 200, body: { ...invalidToken, STATUS: [{ ...invalidToken.STATUS[0], Msg: 'Invalid power' }] } } });
    expect(await run(web.port, { type: 'power_target', params: { watts: 3000 } })).toEqual({ ok: false, message: 'Auradine refused: HTTP 200 Invalid power' });
    const before = web.seen.length;
    await expect(run(web.port, { type: 'power_mode', params: { mode: 'max' } })).rejects.toThrow(/"mode" must be low, normal or high/);
    await expect(run(web.port, { type: 'frequency', params: { mhz: 500 } })).rejects.toThrow(/unsupported by this firmware \(Auradine\)/);
    expect(web.seen).toHaveLength(before);
  });

  it('pool_change: reads /pools, then POSTs /updatepools with the new pool first, the others kept with "x"; the password stays out of the result', async () => {
    const web = await auradine();
    const r = await run(web.port, { type: 'pool_change', params: { url: 'stratum+tcp://new.pool.invalid:3333', user: 'acct.w1', password: 's3cret-pw' } });
    expect(r).toEqual({ ok: true, message: 'pool 1 set to stratum+tcp://new.pool.invalid:3333' });
    expect(JSON.stringify(r)).not.toContain('s3cret-pw');
    expect(calls(web.seen)).toEqual([
      'POST /token {"user":"admin","password":"admin","command":"token"}',
      'GET /pools ',
      'POST /updatepools {"pools":[{"url":"stratum+tcp://new.pool.invalid:3333","user":"acct.w1","pass":"s3cret-pw"},{"url":"stratum+tcp://old.pool.invalid:3333","user":"acct.old","pass":"x"},{"url":"stratum+ssl://backup.pool.invalid:443","user":"acct.old","pass":"x"}],"command":"updatepools"}',
    ]);
    expect(web.seen[1]!.headers.token).toBe(TOKEN);
    expect(web.seen[2]!.headers.token).toBe(TOKEN);
  });

  it.each([
    [{ url: 'http://pool.invalid:3333', user: 'w' }, /"url" must look like stratum\+tcp/],
    [{ url: 'stratum+tcp://pool.invalid', user: 'w' }, /"url" must look like stratum\+tcp/],
    [{ url: 'stratum+tcp://pool.invalid:3333', user: '' }, /"user" is required/],
  ])('pool_change %o is refused before anything is sent, even the login', async (params, why) => {
    const web = await auradine();
    await expect(run(web.port, { type: 'pool_change', params })).rejects.toThrow(why);
    expect(web.seen).toHaveLength(0);
  });

  it('pool_change: a refused /updatepools is reported with its message, without the password', async () => {
    const web = await auradine({ 'POST /updatepools': { status: 200, body: { ...invalidToken, STATUS: [{ ...invalidToken.STATUS[0], Msg: 'Invalid pools' }] } } });
    const r = await run(web.port, { type: 'pool_change', params: { url: 'stratum+tcp://new.pool.invalid:3333', user: 'acct.w1', password: 's3cret-pw' } });
    expect(r).toEqual({ ok: false, message: 'Auradine refused: HTTP 200 Invalid pools' });
  });

  it('without a credential nothing is sent', async () => {
    const web = await auradine();
    const r = await auradineWrite({ host: '127.0.0.1', port: web.port, cmd: { type: 'reboot' }, credential: null, timeoutMs: 2000 });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/no credential stored/);
    expect(web.seen).toHaveLength(0);
  });
});

describe('Auradine writes against the simulator', () => {
  let farm: SimulatedFarm | null = null;
  afterEach(async () => {
    await farm?.close();
    farm = null;
  });

  it('sleep, wake, eco mode, a power target and reboot each change the simulated miner', async () => {
    farm = await startSimulatedFarm({ count: 1, models: ['Auradine AT1500'], faults: { rebootMs: 60_000 } });
    const m = farm.miners[0]!;
    expect(m.firmware).toBe('gcminer');
    const w = (cmd: MinerCommand, password = 'admin') => auradineWrite({ host: m.host, port: m.port, cmd, credential: { username: 'admin', password }, timeoutMs: 2000 });
    expect(await w({ type: 'sleep' })).toEqual({ ok: true, message: 'sleeping' });
    expect(farm.state(0).sleeping).toBe(true);
    expect(await w({ type: 'wake' })).toEqual({ ok: true, message: 'hashing' });
    expect(farm.state(0).sleeping).toBe(false);
    expect((await w({ type: 'power_mode', params: { mode: 'low' } })).ok).toBe(true);
    expect(farm.state(0).profile).toBe('-1');
    expect((await w({ type: 'power_target', params: { watts: 3000 } })).ok).toBe(true);
    expect(farm.state(0)).toMatchObject({ profile: 'default', powerTargetW: 3000 });
    expect(await w({ type: 'power_target', params: { watts: 9000 } })).toEqual({ ok: false, message: 'Auradine refused: HTTP 200 Invalid power 9000' });
    expect((await w({ type: 'reboot' }, 'wrong')).ok).toBe(false);
    expect(farm.state(0).reachable).toBe(true);
    expect((await w({ type: 'reboot' })).ok).toBe(true);
    expect(farm.state(0).reachable).toBe(false);
  });
});
