import { createDecipheriv, createHash } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import deviceInfo from '@/tests/fixtures/miners/whatsminer-v3/get.device.info.json';
import invalidToken from '@/tests/fixtures/miners/whatsminer-v3-write/invalid-token.json';
import setOk from '@/tests/fixtures/miners/whatsminer-v3-write/set-ok.json';
import type { MinerCommand } from '../commands';
import { whatsminerV3Write } from './whatsminer-v3';

const SALT = deviceInfo.msg.salt;
type Req = { cmd: string; ts?: number; token?: string; account?: string; param?: unknown };

/** A v3 API port: 4-byte little-endian length + JSON each way, one request per connection. */
async function v3Miner(answer: (req: Req) => unknown) {
  const seen: Req[] = [];
  const server = net.createServer((socket) => {
    let buf = Buffer.alloc(0);
    socket.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      if (buf.length < 4 || buf.length < 4 + buf.readUInt32LE(0)) return;
      const req = JSON.parse(buf.subarray(4, 4 + buf.readUInt32LE(0)).toString('utf8')) as Req;
      seen.push(req);
      const json = Buffer.from(JSON.stringify(answer(req)));
      const len = Buffer.alloc(4);
      len.writeUInt32LE(json.length);
      socket.end(Buffer.concat([len, json]));
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { port: (server.address() as net.AddressInfo).port, seen };
}
const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** The token as the v3 document defines it, computed here independently of the writer. */
const tokenOf = (req: Req, password: string) => createHash('sha256').update(`${req.cmd}${password}${SALT}${req.ts}`).digest('base64').slice(0, 8);
const honest = (req: Req) => (req.cmd === 'get.device.info' ? deviceInfo : req.token === tokenOf(req, 'super-pw') && req.account === 'super' ? { ...setOk, desc: req.cmd } : invalidToken);
const run = (port: number, cmd: MinerCommand, password = 'super-pw') => whatsminerV3Write({ host: '127.0.0.1', port, cmd, credential: { username: 'super', password }, timeoutMs: 2000 });

describe('Whatsminer API v3 writes (salt, sha256 token, framed JSON)', () => {
  it.each([
    [{ type: 'reboot' }, 'set.system.reboot', undefined],
    [{ type: 'sleep' }, 'set.miner.service', 'stop'],
    [{ type: 'wake' }, 'set.miner.service', 'start'],
    [{ type: 'power_mode', params: { mode: 'low' } }, 'set.miner.power_mode', 'low'],
    [{ type: 'power_target', params: { watts: 3200 } }, 'set.miner.power_limit', 3200],
  ] as [MinerCommand, string, unknown][])('%j → %s %j, signed for the account', async (cmd, name, param) => {
    const m = await v3Miner(honest);
    expect(await run(m.port, cmd)).toEqual({ ok: true, message: `${name}: ok` });
    expect(m.seen[0]).toEqual({ cmd: 'get.device.info' });
    expect(m.seen[1]).toMatchObject({ cmd: name, account: 'super', token: expect.stringMatching(/^[A-Za-z0-9+/]{8}$/) });
    expect(m.seen[1]!.param).toEqual(param);
  });

  it('set.miner.pools sends its parameter encrypted (pool passwords never in the clear)', async () => {
    const m = await v3Miner(honest);
    expect((await run(m.port, { type: 'pool_change', params: { url: 'stratum+tcp://new.pool.invalid:3333', user: 'acct.w1', password: 'poolpw' } })).ok).toBe(true);
    const sent = m.seen[1]!;
    expect(JSON.stringify(sent)).not.toContain('poolpw');
    const key = createHash('sha256').update(`set.miner.pools${'super-pw'}${SALT}${sent.ts}`).digest();
    const d = createDecipheriv('aes-256-ecb', key, null);
    expect(JSON.parse(Buffer.concat([d.update(Buffer.from(String(sent.param), 'base64')), d.final()]).toString('utf8'))).toEqual([{ pool: 'stratum+tcp://new.pool.invalid:3333', worker: 'acct.w1', passwd: 'poolpw' }]);
  });

  it('a wrong password: the miner refuses the token and the message says so', async () => {
    const m = await v3Miner(honest);
    expect(await run(m.port, { type: 'reboot' }, 'wrong')).toEqual({ ok: false, message: 'set.system.reboot refused: code -4 invalid token' });
  });

  it('no salt in get.device.info: nothing is written', async () => {
    const m = await v3Miner(() => ({ code: 0, when: 1, msg: { miner: {} }, desc: 'get.device.info' }));
    expect((await run(m.port, { type: 'sleep' })).message).toMatch(/no salt/);
    expect(m.seen).toHaveLength(1);
  });
});
