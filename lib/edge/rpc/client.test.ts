import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cgminerCommand, MinerRpcError } from './client';

const servers: net.Server[] = [];
const sockets: net.Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function server(onConnection: (s: net.Socket) => void): Promise<number> {
  const srv = net.createServer((s) => {
    sockets.push(s);
    s.on('error', () => {});
    onConnection(s);
  });
  servers.push(srv);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return (srv.address() as net.AddressInfo).port;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof MinerRpcError ? e.code : String(e);
  }
}

describe('cgminerCommand', () => {
  it('sends one command as JSON and parses a NUL-terminated reply', async () => {
    let received = '';
    const port = await server((s) =>
      s.once('data', (d) => {
        received = d.toString();
        s.end('{"STATUS":[{"STATUS":"S"}],"SUMMARY":[{"GHS 5s":1}],"id":1}\u0000');
      }),
    );
    const reply = await cgminerCommand('127.0.0.1', port, 'summary');
    expect(JSON.parse(received)).toEqual({ command: 'summary' });
    expect(reply).toEqual({ STATUS: [{ STATUS: 'S' }], SUMMARY: [{ 'GHS 5s': 1 }], id: 1 });
  });

  it('passes the parameter and repairs a malformed reply', async () => {
    let received = '';
    const port = await server((s) =>
      s.once('data', (d) => {
        received = d.toString();
        s.end('{"STATS":[{"a":1}{"b":inf},]}');
      }),
    );
    expect(await cgminerCommand('127.0.0.1', port, 'curtail', 'abc,sleep')).toEqual({ STATS: [{ a: 1 }, { b: null }] });
    expect(JSON.parse(received)).toEqual({ command: 'curtail', parameter: 'abc,sleep' });
  });

  it('resolves as soon as a complete reply arrives even if the miner keeps the socket open', async () => {
    const port = await server((s) => s.once('data', () => s.write('{"STATUS":[{"STATUS":"S"}],"id":1}')));
    const t0 = performance.now();
    await cgminerCommand('127.0.0.1', port, 'version', undefined, { connectTimeoutMs: 1000, readTimeoutMs: 2000 });
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('reassembles a reply split across packets', async () => {
    const port = await server((s) =>
      s.once('data', () => {
        s.write('{"STATUS":[{"STATUS":"S"}],');
        setTimeout(() => s.end('"id":1}'), 30);
      }),
    );
    expect(await cgminerCommand('127.0.0.1', port, 'version')).toEqual({ STATUS: [{ STATUS: 'S' }], id: 1 });
  });

  it('READ_TIMEOUT against a server that accepts and never answers', async () => {
    const port = await server(() => {});
    const t0 = performance.now();
    expect(await codeOf(cgminerCommand('127.0.0.1', port, 'summary', undefined, { connectTimeoutMs: 1000, readTimeoutMs: 300 }))).toBe('READ_TIMEOUT');
    const took = performance.now() - t0;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1500);
  });

  it('REFUSED on a closed port, RESET when the peer resets', async () => {
    const closed = await server(() => {});
    await new Promise((r) => servers.pop()!.close(r));
    expect(await codeOf(cgminerCommand('127.0.0.1', closed, 'summary'))).toBe('REFUSED');
    const port = await server((s) => s.resetAndDestroy());
    expect(['RESET', 'BAD_REPLY']).toContain(await codeOf(cgminerCommand('127.0.0.1', port, 'summary')));
  });

  it('BAD_REPLY when the peer closes with non-JSON or nothing', async () => {
    const port = await server((s) => s.once('data', () => s.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    expect(await codeOf(cgminerCommand('127.0.0.1', port, 'summary'))).toBe('BAD_REPLY');
    const silent = await server((s) => s.once('data', () => s.end()));
    expect(await codeOf(cgminerCommand('127.0.0.1', silent, 'summary'))).toBe('BAD_REPLY');
  });

  it('CONNECT_TIMEOUT when the listener never completes the handshake (accept queue full)', async () => {
    // A listener with backlog 0 whose process never accepts: once its queue is full the kernel drops SYNs.
    const { spawn } = await import('node:child_process');
    const py = spawn('python3', ['-c', 'import socket,sys,time\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(30)']);
    try {
      const port = await new Promise<number>((resolve, reject) => {
        py.stdout.once('data', (d) => resolve(Number(String(d).trim())));
        py.once('error', reject);
      });
      const fillers: net.Socket[] = [];
      for (let i = 0; i < 4; i++) fillers.push(net.createConnection({ host: '127.0.0.1', port }).on('error', () => {}));
      // The first filler takes the only queue slot; give the rest time to have their SYNs dropped too.
      await new Promise((r) => fillers[0]!.once('connect', r));
      await new Promise((r) => setTimeout(r, 300));
      const code = await codeOf(cgminerCommand('127.0.0.1', port, 'summary', undefined, { connectTimeoutMs: 300, readTimeoutMs: 300 }));
      for (const f of fillers) f.destroy();
      expect(code).toBe('CONNECT_TIMEOUT');
    } finally {
      py.kill();
    }
  });
});
