import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MinerCommand } from '../commands';
import { braiinsWrite, decodePoolGroups, encodeSetPoolGroups, poolGroupsWithFirst } from './braiins';
import { grpcFrame, pbBytes, pbDecode, pbString, pbVarint } from './grpc';

type Call = { path: string; authorization: string | undefined; body: Buffer };
const servers: http2.Http2Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A BOSer gRPC endpoint: Login gives token "tok-1" in the "authorization" header (as BOSer does); other calls answer `status` (GetPoolGroups with `groups`). */
async function boser(status = 0, groups = Buffer.alloc(0)) {
  const calls: Call[] = [];
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const data = Buffer.concat(chunks);
      const call = { path: String(headers[':path']), authorization: headers.authorization as string | undefined, body: data.subarray(5) };
      calls.push(call);
      const login = call.path.endsWith('/Login');
      const ok = login ? pbDecode(call.body).get(2)?.[0]?.toString() === 'pw' : status === 0;
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', ...(login && ok ? { authorization: 'tok-1' } : {}) }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': ok ? '0' : login ? '16' : String(status), 'grpc-message': ok ? '' : 'denied' }));
      stream.end(login && ok ? grpcFrame(pbString(1, 'tok-1')) : grpcFrame(call.path.endsWith('/GetPoolGroups') ? groups : Buffer.alloc(0)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { port: (server.address() as AddressInfo).port, calls };
}
const run = (port: number, cmd: MinerCommand, password = 'pw') => braiinsWrite({ host: '127.0.0.1', port, cmd, credential: { username: 'root', password }, timeoutMs: 2000 });

describe('Braiins OS writes over the public gRPC API (braiins.bos.v1)', () => {
  it.each([
    ['reboot', '/braiins.bos.v1.ActionsService/Reboot'],
    ['sleep', '/braiins.bos.v1.ActionsService/PauseMining'],
    ['wake', '/braiins.bos.v1.ActionsService/ResumeMining'],
  ] as const)('%s: Login {username, password}, then %s with the token as metadata', async (type, path) => {
    const g = await boser();
    expect((await run(g.port, { type })).ok).toBe(true);
    expect(g.calls.map((c) => c.path)).toEqual(['/braiins.bos.v1.AuthenticationService/Login', path]);
    // LoginRequest {username = 1, password = 2} on the wire.
    expect(g.calls[0]!.body.toString('hex')).toBe(`0a04${Buffer.from('root').toString('hex')}1202${Buffer.from('pw').toString('hex')}`);
    expect(g.calls[1]!.authorization).toBe('tok-1');
  });

  it('power target: SetPowerTargetRequest {save_action: SAVE_AND_APPLY, power_target: {watt: 3000}}', async () => {
    const g = await boser();
    expect((await run(g.port, { type: 'power_target', params: { watts: 3000 } })).ok).toBe(true);
    // 08 02 = field 1 varint 2; 12 03 = field 2, 3 bytes; 08 b8 17 = watt 3000.
    expect(g.calls[1]!.body.toString('hex')).toBe('0802120308b817');
  });

  it('a refused login or call is a failure naming the gRPC status, never the password', async () => {
    const g = await boser(7);
    const r = await run(g.port, { type: 'sleep' }, 'bad-secret');
    expect(r).toEqual({ ok: false, message: 'Braiins OS refused the login (gRPC status 16 denied): check its stored credential' });
    expect(r.message).not.toContain('bad-secret');
    expect(await run(g.port, { type: 'sleep' })).toEqual({ ok: false, message: 'PauseMining refused: not authorised (gRPC status 7 denied)' });
  });

  it('pool change: GetPoolGroups, then SetPoolGroups with the new pool (and its password) first, the old pools behind it', async () => {
    const hex = (t: string) => Buffer.from(t).toString('hex');
    // GetPoolGroupsResponse: 0a 23 pool_groups[0] (35 bytes) = PoolGroup { 0a 01 "A" name; 12 02 08 05 quota {value 5};
    // 22 1a pools[0] = Pool { 0a 02 "u1" uid; 12 11 url (17 bytes); 1a 01 "w" user } }.
    const old = pbBytes(4, Buffer.concat([pbString(1, 'u1'), pbString(2, 'stratum+tcp://o:1'), pbString(3, 'w')]));
    const reply = pbBytes(1, Buffer.concat([pbString(1, 'A'), pbBytes(2, pbVarint(1, 5)), old]));
    expect(reply.toString('hex')).toBe('0a23' + '0a0141' + '12020805' + '221a' + '0a02' + hex('u1') + '1211' + hex('stratum+tcp://o:1') + '1a01' + hex('w'));
    expect(decodePoolGroups(reply)).toEqual([{ name: 'A', strategy: { kind: 'quota', raw: Buffer.from('0805', 'hex') }, pools: [{ url: 'stratum+tcp://o:1', user: 'w' }] }]);

    const g = await boser(0, reply);
    const r = await run(g.port, { type: 'pool_change', params: { url: 'stratum+tcp://n:2', user: 'acct.w1', password: 'p-secret' } });
    expect(r).toEqual({ ok: true, message: 'SetPoolGroups: pool 1 set' });
    expect(r.message).not.toContain('p-secret');
    expect(g.calls.map((c) => c.path)).toEqual(['/braiins.bos.v1.AuthenticationService/Login', '/braiins.bos.v1.PoolService/GetPoolGroups', '/braiins.bos.v1.PoolService/SetPoolGroups']);
    expect(g.calls[1]!.body.length).toBe(0);
    expect(g.calls[2]!.authorization).toBe('tok-1');
    // 08 02 save_action SAVE_AND_APPLY; 12 .. pool_groups[0]: 12 01 "A" name; 1a 02 08 05 quota {5};
    // 2a 26 pools[0] {12 url, 1a user, 22 password}; 2a 16 pools[1] {12 url, 1a user} (no password: BOS never returns it).
    const first = '1211' + hex('stratum+tcp://n:2') + '1a07' + hex('acct.w1') + '2208' + hex('p-secret');
    const second = '1211' + hex('stratum+tcp://o:1') + '1a01' + hex('w');
    const group = '120141' + '1a020805' + '2a26' + first + '2a16' + second;
    expect(g.calls[2]!.body.toString('hex')).toBe('0802' + '1247' + group);
  });

  it('pool change on a miner with no pool group creates "Default" (quota 1); the same pool is moved, not doubled', () => {
    const pool = { url: 'stratum+tcp://n:2', user: 'u', password: 'x' };
    const hex = (t: string) => Buffer.from(t).toString('hex');
    // 12 28 group: 12 07 "Default"; 1a 02 08 01 quota {1}; 2a 19 pool {12 11 url; 1a 01 "u"; 22 01 "x"}.
    expect(encodeSetPoolGroups(poolGroupsWithFirst([], pool)).toString('hex')).toBe('0802' + '1228' + '1207' + hex('Default') + '1a020801' + '2a19' + '1211' + hex(pool.url) + '1a0175' + '220178');
    // A fixed share ratio (a double, wire type 1) goes through untouched: PoolGroup 1a 09 {09 <0.5 LE>} → PoolGroupConfiguration 22 09 {…}.
    const ratio = decodePoolGroups(Buffer.from('0a0e' + '0a0142' + '1a0909000000000000e03f', 'hex'));
    expect(ratio).toEqual([{ name: 'B', strategy: { kind: 'fixed_share_ratio', raw: Buffer.from('09000000000000e03f', 'hex') }, pools: [] }]);
    expect(encodeSetPoolGroups(ratio).toString('hex')).toBe('0802' + '120e' + '120142' + '220909000000000000e03f');
    const groups = [{ name: 'G', strategy: null, pools: [{ url: 'stratum+tcp://a:1', user: 'v' }, { url: pool.url, user: 'u' }] }, { name: 'H', strategy: null, pools: [] }];
    expect(poolGroupsWithFirst(groups, pool)).toEqual([{ name: 'G', strategy: null, pools: [pool, { url: 'stratum+tcp://a:1', user: 'v' }] }, groups[1]]);
  });

  it('an invalid pool url is refused before any call reaches the miner', async () => {
    const g = await boser();
    await expect(run(g.port, { type: 'pool_change', params: { url: 'http://x', user: 'u' } })).rejects.toThrow(/stratum\+tcp/);
    expect(g.calls).toEqual([]);
  });
});
