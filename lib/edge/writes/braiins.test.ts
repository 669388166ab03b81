import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MinerCommand } from '../commands';
import { braiinsWrite } from './braiins';
import { grpcFrame, pbDecode, pbString } from './grpc';

type Call = { path: string; authorization: string | undefined; body: Buffer };
const servers: http2.Http2Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A BOSer gRPC endpoint: Login gives token "tok-1" in the "authorization" header (as BOSer does); other calls answer `status`. */
async function boser(status = 0) {
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
      stream.end(login && ok ? grpcFrame(pbString(1, 'tok-1')) : grpcFrame(Buffer.alloc(0)));
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
});
