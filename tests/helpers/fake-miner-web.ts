import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type SeenRequest = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
export type FakeRoute = (req: SeenRequest) => { status: number; body?: unknown; headers?: Record<string, string> } | null;

/**
 * A miner web interface that answers fixture replies and records what it was sent, for unit
 * tests of a vendor writer's requests (the simulator covers the behaviour end to end).
 */
export async function fakeMinerWeb(route: FakeRoute): Promise<{ port: number; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      seen.push(r);
      const out = route(r) ?? { status: 404, body: { error: 'not found' } };
      const text = out.body === undefined ? '' : typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
      res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
