import { afterEach, describe, expect, it } from 'vitest';
import { fakeMinerWeb } from '@/tests/helpers/fake-miner-web';
import getMinerConf from '@/tests/fixtures/miners/antminer-web/get_miner_conf.json';
import getMinerConf2017 from '@/tests/fixtures/miners/antminer-web/get_miner_conf-2017.json';
import setMinerConf from '@/tests/fixtures/miners/antminer-web/set_miner_conf.json';
import { antminerWrite } from './antminer';
import type { MinerCommand } from '../commands';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A stock web interface behind digest auth that answers the fixture replies. */
async function stockWeb() {
  const web = await fakeMinerWeb((req) => {
    if (!String(req.headers.authorization ?? '').startsWith('Digest ')) return { status: 401, headers: { 'www-authenticate': 'Digest realm="antMiner Configuration", nonce="abc123", qop="auth"' } };
    if (req.url === '/cgi-bin/get_miner_conf.cgi') return { status: 200, body: getMinerConf };
    if (req.url === '/cgi-bin/set_miner_conf.cgi') return { status: 200, body: setMinerConf };
    if (req.url === '/cgi-bin/reboot.cgi') return { status: 200, body: '' };
    return null;
  });
  servers.push(web);
  return web;
}

const run = (port: number, cmd: MinerCommand, credential = { username: 'root', password: 'root' }) => antminerWrite({ host: '127.0.0.1', port, cmd, credential, timeoutMs: 2000 });
const posted = (web: Awaited<ReturnType<typeof stockWeb>>) => JSON.parse(web.seen.find((r) => r.method === 'POST')!.body) as Record<string, unknown>;

describe('Antminer stock writes over HTTP digest (fixture replies)', () => {
  it('reboot: GET reboot.cgi, answered after the digest challenge', async () => {
    const web = await stockWeb();
    expect(await run(web.port, { type: 'reboot' })).toMatchObject({ ok: true });
    expect(web.seen.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /cgi-bin/reboot.cgi', 'GET /cgi-bin/reboot.cgi']);
    expect(web.seen[1]!.headers.authorization).toMatch(/username="root", realm="antMiner Configuration", nonce="abc123", uri="\/cgi-bin\/reboot.cgi"/);
  });

  it.each([
    ['sleep', {}, 1],
    ['wake', {}, 0],
    ['power_mode', { mode: 'low' }, 3],
    ['power_mode', { mode: 'normal' }, 0],
  ] as const)('%s %j posts the configuration back with miner-mode %i, keeping the pools', async (type, params, mode) => {
    const web = await stockWeb();
    expect(await run(web.port, { type, params })).toMatchObject({ ok: true });
    const body = posted(web);
    expect(body['miner-mode']).toBe(mode);
    expect(body.pools).toEqual(getMinerConf.pools);
    expect(body['bitmain-fan-pwm']).toBe('100');
  });

  it('pool_change puts the new pool first and keeps the old ones as backups, three slots', async () => {
    const web = await stockWeb();
    const r = await run(web.port, { type: 'pool_change', params: { url: 'stratum+tcp://new.pool.invalid:3333', user: 'acct.w1', password: 'p1' } });
    expect(r.ok).toBe(true);
    expect(posted(web).pools).toEqual([
      { url: 'stratum+tcp://new.pool.invalid:3333', user: 'acct.w1', pass: 'p1' },
      { url: getMinerConf.pools[0]!.url, user: 'farm.s19a001', pass: 'x' },
      { url: getMinerConf.pools[1]!.url, user: 'farm.s19a001', pass: 'x' },
    ]);
  });

  it('a refused set_miner_conf is a failure with the miner’s message', async () => {
    const web = await fakeMinerWeb((req) =>
      req.url === '/cgi-bin/get_miner_conf.cgi' ? { status: 200, body: getMinerConf } : { status: 200, body: { stats: 'error', code: 'M002', msg: 'Invalid miner-mode' } },
    );
    servers.push(web);
    expect(await run(web.port, { type: 'sleep' })).toEqual({ ok: false, message: 'set_miner_conf.cgi refused: HTTP 200 Invalid miner-mode (M002)' });
  });

  it('a wrong password is reported as a refused login, and the password never appears in the message', async () => {
    const web = await fakeMinerWeb(() => ({ status: 401, headers: { 'www-authenticate': 'Digest realm="antMiner Configuration", nonce="n1", qop="auth"' } }));
    servers.push(web);
    const r = await run(web.port, { type: 'sleep' }, { username: 'root', password: 'hunter2-secret' });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/refused the login/);
    expect(r.message).not.toContain('hunter2');
  });

  it('without a credential nothing is sent', async () => {
    const web = await stockWeb();
    const r = await antminerWrite({ host: '127.0.0.1', port: web.port, cmd: { type: 'reboot' }, credential: null, timeoutMs: 2000 });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/no credential stored/);
    expect(web.seen).toHaveLength(0);
  });

  it('pre-2019 firmware (bitmain-freq, no miner-mode): pools go form-encoded with its frequency kept; sleep is unsupported', async () => {
    const web = await fakeMinerWeb((req) => {
      if (!String(req.headers.authorization ?? '').startsWith('Digest ')) return { status: 401, headers: { 'www-authenticate': 'Digest realm="antMiner Configuration", nonce="n2", qop="auth"' } };
      if (req.url === '/cgi-bin/get_miner_conf.cgi') return { status: 200, body: getMinerConf2017 };
      return { status: 200, body: '' };
    });
    servers.push(web);
    expect((await run(web.port, { type: 'pool_change', params: { url: 'stratum+tcp://new.pool.invalid:3333', user: 'acct.w1' } })).ok).toBe(true);
    const post = web.seen.find((r) => r.method === 'POST' && r.headers.authorization)!;
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(post.body);
    expect(Object.fromEntries(form)).toMatchObject({
      _ant_pool1url: 'stratum+tcp://new.pool.invalid:3333',
      _ant_pool1user: 'acct.w1',
      _ant_pool1pw: 'x',
      _ant_pool2url: getMinerConf2017.pools[0]!.url,
      _ant_pool2pw: '123',
      _ant_freq: '7:200:0782',
      _ant_voltage: '0706',
    });
    const sleep = await run(web.port, { type: 'sleep' });
    expect(sleep).toMatchObject({ ok: false });
    expect(sleep.message).toMatch(/before 2019 has no sleep/);
  });
});
