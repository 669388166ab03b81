import { createDecipheriv } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeMinerTcp } from '@/tests/helpers/fake-miner-tcp';
import commandOk from '@/tests/fixtures/miners/whatsminer-v2-write/command-ok.json';
import getToken from '@/tests/fixtures/miners/whatsminer-v2-write/get_token.json';
import writeDisabled from '@/tests/fixtures/miners/whatsminer-v2-write/write-disabled.json';
import type { MinerCommand } from '../commands';
import { btminerV2Encrypt, btminerV2Keys } from './btminer-crypto';
import { whatsminerV2Write } from './whatsminer-v2';

/**
 * For the fixture's token (time 1080, salt BQ5hoXV9, newsalt zUL4ek8X) and password "admin",
 * computed outside this code: `openssl passwd -1 -salt BQ5hoXV9 admin` → key RxmaDUO33TS7O26yeMHZ81;
 * `openssl passwd -1 -salt zUL4ek8X RxmaDUO33TS7O26yeMHZ811080` → sign p7sLtmeXuLMUkjGx.NBAZ/;
 * sha256(key) is the AES key.
 */
const SIGN = 'p7sLtmeXuLMUkjGx.NBAZ/';
const AES_KEY = Buffer.from('199e0a202039bb7b558db7a54697dca29cb278055b7e659a127fb844d5a2fbf6', 'hex');

function decrypt(data: string): Record<string, unknown> {
  const d = createDecipheriv('aes-256-ecb', AES_KEY, null).setAutoPadding(false);
  return JSON.parse(Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8').replace(/\u0000+$/, ''));
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function btminer(onWrite: (cmd: Record<string, unknown>) => unknown = () => ({ enc: btminerV2Encrypt(commandOk, AES_KEY) })) {
  const writes: Record<string, unknown>[] = [];
  const tcp = await fakeMinerTcp((req) => {
    if (req.cmd === 'get_token') return getToken;
    if (req.command === 'pools') return { STATUS: [{ STATUS: 'S', Msg: '2 Pool(s)' }], POOLS: [{ POOL: 0, URL: 'stratum+tcp://old.pool.invalid:3333', User: 'farm.m50' }] };
    const cmd = decrypt(String(req.data));
    writes.push(cmd);
    return onWrite(cmd);
  });
  servers.push(tcp);
  return { ...tcp, writes };
}
const run = (port: number, cmd: MinerCommand, password = 'admin') => whatsminerV2Write({ host: '127.0.0.1', port, cmd, credential: { username: 'admin', password }, timeoutMs: 2000 });

describe('Whatsminer API v2 writes (get_token, md5-crypt sign, AES-256-ECB)', () => {
  it('derives the documented key and sign', () => {
    const { sign, aesKey } = btminerV2Keys('admin', getToken.Msg);
    expect(sign).toBe(SIGN);
    expect(aesKey.equals(AES_KEY)).toBe(true);
  });

  it.each([
    [{ type: 'reboot' }, { cmd: 'reboot' }],
    [{ type: 'sleep' }, { cmd: 'power_off', respbefore: 'true' }],
    [{ type: 'wake' }, { cmd: 'power_on' }],
    [{ type: 'power_mode', params: { mode: 'low' } }, { cmd: 'set_low_power' }],
    [{ type: 'power_mode', params: { mode: 'high' } }, { cmd: 'set_high_power' }],
    [{ type: 'power_target', params: { watts: 3000 } }, { cmd: 'adjust_power_limit', power_limit: '3000' }],
  ] as [MinerCommand, Record<string, string>][])('%j is sent encrypted as %j with the token', async (cmd, expected) => {
    const m = await btminer();
    expect(await run(m.port, cmd)).toMatchObject({ ok: true, message: `${expected.cmd}: API command OK` });
    expect(m.writes).toEqual([{ ...expected, token: SIGN }]);
    expect(m.seen[0]).toEqual({ cmd: 'get_token' });
    expect(m.seen.at(-1)!.enc).toBe(1);
  });

  it('update_pools: the new pool in slot 1, the current pool kept as backup', async () => {
    const m = await btminer();
    expect((await run(m.port, { type: 'pool_change', params: { url: 'stratum+tcp://new.pool.invalid:3333', user: 'acct.w1', password: 'p' } })).ok).toBe(true);
    expect(m.writes[0]).toEqual({
      cmd: 'update_pools',
      pool1: 'stratum+tcp://new.pool.invalid:3333',
      worker1: 'acct.w1',
      passwd1: 'p',
      pool2: 'stratum+tcp://old.pool.invalid:3333',
      worker2: 'farm.m50',
      passwd2: 'x',
      pool3: '',
      worker3: '',
      passwd3: '',
      token: SIGN,
    });
  });

  it('writes disabled on the miner: refused with the reason and how to enable them', async () => {
    const m = await btminer(() => writeDisabled);
    const r = await run(m.port, { type: 'sleep' });
    expect(r.ok).toBe(false);
    expect(r.message).toBe("power_off refused: can't access write cmd (API writes are disabled on this miner: enable them in WhatsMinerTool)");
  });

  it('a wrong password: the miner cannot read the command and says so in the clear', async () => {
    const tcp = await fakeMinerTcp((req) => (req.cmd === 'get_token' ? getToken : { STATUS: 'E', When: 1, Code: 135, Msg: 'check token err', Description: '' }));
    servers.push(tcp);
    const r = await run(tcp.port, { type: 'reboot' }, 'not-admin');
    expect(r).toMatchObject({ ok: false, message: 'reboot refused: check token err' });
  });
});
