import { afterEach, describe, expect, it } from 'vitest';
import { fakeMinerWeb, type SeenRequest } from '@/tests/helpers/fake-miner-web';
import presets from '@/tests/fixtures/miners/vnish-web/autotune-presets.json';
import pauseError from '@/tests/fixtures/miners/vnish-web/mining-pause-error.json';
import settings from '@/tests/fixtures/miners/vnish-web/settings.json';
import unlock from '@/tests/fixtures/miners/vnish-web/unlock.json';
import type { MinerCommand } from '../commands';
import { vnishWrite } from './vnish';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function vnish(overrides: Record<string, { status: number; body?: unknown }> = {}) {
  const web = await fakeMinerWeb((req) => {
    const route = `${req.method} ${req.url}`;
    if (overrides[route]) return overrides[route];
    if (route === 'POST /api/v1/unlock') return JSON.parse(req.body).pw === 'admin' ? { status: 200, body: unlock } : { status: 401, body: { err: 'Wrong password' } };
    if (req.headers.authorization !== `Bearer ${unlock.token}`) return { status: 401, body: { err: 'Unauthorized' } };
    if (route === 'GET /api/v1/autotune/presets') return { status: 200, body: presets };
    if (route === 'GET /api/v1/settings') return { status: 200, body: settings };
    if (req.method === 'POST') return { status: 200, body: '' };
    return null;
  });
  servers.push(web);
  return web;
}
const run = (port: number, cmd: MinerCommand, password = 'admin') => vnishWrite({ host: '127.0.0.1', port, cmd, credential: { username: 'admin', password }, timeoutMs: 2000 });
const routes = (seen: SeenRequest[]) => seen.map((r) => `${r.method} ${r.url}`);

describe('VNish writes over /api/v1 (fixture replies)', () => {
  it.each([
    ['reboot', 'POST /api/v1/system/reboot'],
    ['sleep', 'POST /api/v1/mining/pause'],
    ['wake', 'POST /api/v1/mining/resume'],
  ] as const)('%s: unlock, then %s with the bearer token', async (type, route) => {
    const web = await vnish();
    expect(await run(web.port, { type })).toMatchObject({ ok: true });
    expect(routes(web.seen)).toEqual(['POST /api/v1/unlock', route]);
    expect(JSON.parse(web.seen[0]!.body)).toEqual({ pw: 'admin' });
  });

  it('power_target picks the preset named by the watts; a target without a preset is refused listing the presets', async () => {
    const web = await vnish();
    expect(await run(web.port, { type: 'power_target', params: { watts: 2950 } })).toMatchObject({ ok: true, message: 'preset 2950 W set' });
    expect(JSON.parse(web.seen.at(-1)!.body)).toEqual({ miner: { overclock: { preset: '2950' } } });
    const r = await run(web.port, { type: 'power_target', params: { watts: 3000 } });
    expect(r).toEqual({ ok: false, message: 'power_target 3000 W: VNish runs only its tuned presets; this miner offers 2620, 2950, 3200 W' });
  });

  it('pool_change writes the new pool first, keeping the configured ones behind it', async () => {
    const web = await vnish();
    expect((await run(web.port, { type: 'pool_change', params: { url: 'stratum+tcp://new.pool.invalid:3333', user: 'acct.w1' } })).ok).toBe(true);
    expect(JSON.parse(web.seen.at(-1)!.body).miner.pools).toEqual([
      { url: 'stratum+tcp://new.pool.invalid:3333', user: 'acct.w1', pass: 'x', order: 0 },
      { url: settings.miner.pools[0]!.url, user: 'farm.s19v01', pass: 'x', order: 1 },
      { url: settings.miner.pools[1]!.url, user: 'farm.s19v01', pass: 'x', order: 2 },
    ]);
  });

  it('an {"err"} reply is a failure with its text; a wrong password fails at unlock without the password in the message', async () => {
    const web = await vnish({ 'POST /api/v1/mining/pause': { status: 200, body: pauseError } });
    expect(await run(web.port, { type: 'sleep' })).toEqual({ ok: false, message: `VNish refused: HTTP 200 ${pauseError.err}` });
    const wrong = await run(web.port, { type: 'sleep' }, 's3cret-wrong');
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toMatch(/refused the unlock \(HTTP 401\)/);
    expect(wrong.message).not.toContain('s3cret');
  });

  it('power_mode and frequency are unsupported: refused before logging in', async () => {
    const web = await vnish();
    for (const type of ['power_mode', 'frequency'] as const) await expect(run(web.port, { type, params: { mode: 'low', mhz: 500 } })).rejects.toThrow(/unsupported by this firmware/);
    expect(web.seen).toHaveLength(0);
  });
});
