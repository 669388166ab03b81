import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Binance-like account endpoint on 127.0.0.1: GET /api/v3/account answers 200 only when the
 * X-MBX-APIKEY header is `apiKey` and the query's signature is its HMAC-SHA256 under `apiSecret`.
 */
export async function startFakeExchange(keys: { apiKey: string; apiSecret: string }) {
  const requests: { path: string; apiKey: string | undefined }[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const apiKey = req.headers['x-mbx-apikey'] as string | undefined;
    requests.push({ path: url.pathname, apiKey });
    const signature = url.searchParams.get('signature') ?? '';
    const query = url.search.slice(1).replace(/&signature=[0-9a-f]*$/, '');
    const expected = createHmac('sha256', keys.apiSecret).update(query).digest('hex');
    const ok = url.pathname === '/api/v3/account' && apiKey === keys.apiKey && signature === expected;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(ok ? JSON.stringify({ canTrade: false, balances: [] }) : JSON.stringify({ code: -2015, msg: `Invalid API-key ${apiKey}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { baseUrl: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
