import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, PEER_HEADER } from './client-address';
import { recordPeerAddresses } from './peer-address';

// A plain Node HTTP server on loopback stands in for the one `next start` runs; the channel is Node's.
let server: Server;
let port: number;

beforeAll(async () => {
  recordPeerAddresses();
  server = createServer((req, res) => {
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));
    res.end(JSON.stringify({ peer: req.headers[PEER_HEADER], counted: clientAddress(headers, 0) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(localAddress: string, headers: Record<string, string>): Promise<{ peer: string; counted: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, localAddress, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('recordPeerAddresses', () => {
  it('puts the TCP peer on the request, over a forged copy and whatever X-Forwarded-For says', async () => {
    const seen = await get('127.0.0.7', { [PEER_HEADER]: '198.51.100.1', 'x-forwarded-for': '198.51.100.2' });
    expect(seen).toEqual({ peer: '127.0.0.7', counted: '127.0.0.7' });
  });

  it('tells two clients apart by their connection, not by what they claim', async () => {
    const [a, b] = await Promise.all([get('127.0.0.8', { 'x-forwarded-for': '203.0.113.1' }), get('127.0.0.9', { 'x-forwarded-for': '203.0.113.1' })]);
    expect([a.counted, b.counted]).toEqual(['127.0.0.8', '127.0.0.9']);
  });
});
