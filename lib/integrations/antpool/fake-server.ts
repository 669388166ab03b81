import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from '@/db/seed/random';
import { type FakeFarm, buildFakeFarm } from './fake-farm';
import { handleEndpoint } from './fake-endpoints';
import { antpoolSignature } from './signature';

export type FaultKind = '5xx' | 'timeout' | 'nonce' | 'signature' | 'slow';
export type FaultConfig = { rate: number; kinds: FaultKind[]; seed?: number; slowMs?: number; hangMs?: number };

export type FakeAntpoolStats = {
  requests: number;
  byEndpoint: Record<string, number>;
  ok: number;
  faults: Record<FaultKind, number>;
  rejected: { signature: number; nonce: number; key: number; param: number };
  /** Requests that arrived with the 10-minute window already full. Tests assert this stays 0. */
  budgetExceeded: number;
  peakWindow: number;
};

export type FakeAntpool = {
  url: string;
  farm: FakeFarm;
  stats: FakeAntpoolStats;
  setFaults: (f: FaultConfig | null) => void;
  close: () => Promise<void>;
};

/**
 * A local server speaking Antpool's user API (REFERENCE §4) over node:http on 127.0.0.1: form POSTs to
 * /api/<name>.htm, signature and strictly increasing nonce per key, 600 requests per 10 minutes, page
 * size ≤ 50 with the page quirk, and faults injected from a seeded generator.
 */
export async function startFakeAntpool(
  opts: { farm?: FakeFarm; port?: number; faults?: FaultConfig | null; limit?: number; windowMs?: number; now?: () => number } = {},
): Promise<FakeAntpool> {
  const farm = opts.farm ?? buildFakeFarm();
  const now = opts.now ?? Date.now;
  const limit = opts.limit ?? 600;
  const windowMs = opts.windowMs ?? 600_000;
  const keys = new Map<string, { owner: string; secret: string; users: Set<string> }>();
  keys.set(farm.key, { owner: farm.mainUserId, secret: farm.secret, users: new Set([farm.mainUserId, ...farm.subs.map((s) => s.userId)]) });
  for (const s of farm.subs) if (s.key && s.secret) keys.set(s.key, { owner: s.userId, secret: s.secret, users: new Set([s.userId]) });
  const lastNonce = new Map<string, number>();
  const arrivals: number[] = [];
  let faults = opts.faults ?? null;
  let rand = seededRandom(faults?.seed ?? 1);
  const stats: FakeAntpoolStats = {
    requests: 0,
    byEndpoint: {},
    ok: 0,
    faults: { '5xx': 0, timeout: 0, nonce: 0, signature: 0, slow: 0 },
    rejected: { signature: 0, nonce: 0, key: 0, param: 0 },
    budgetExceeded: 0,
    peakWindow: 0,
  };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) => new Promise<void>((r) => timers.add(setTimeout(r, ms)));

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': status === 200 ? 'application/json' : 'text/html' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const envelope = (res: ServerResponse, code: number, message: string, data: unknown = null) => send(res, 200, { code, message, data });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const t = now();
    while (arrivals.length && arrivals[0]! <= t - windowMs) arrivals.shift();
    arrivals.push(t);
    stats.requests++;
    stats.peakWindow = Math.max(stats.peakWindow, arrivals.length);
    if (arrivals.length > limit) {
      stats.budgetExceeded++;
      return send(res, 429, 'IP banned: more than 600 requests in 10 minutes');
    }
    const match = /^\/api\/([A-Za-z0-9]+)\.htm$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (req.method !== 'POST' || !match) return send(res, 404, 'not found');
    const endpoint = match[1]!;
    stats.byEndpoint[endpoint] = (stats.byEndpoint[endpoint] ?? 0) + 1;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));

    if (faults && rand.next() < faults.rate) {
      const kind = faults.kinds[Math.floor(rand.next() * faults.kinds.length)]!;
      stats.faults[kind]++;
      if (kind === '5xx') return send(res, rand.next() < 0.5 ? 502 : 503, '<html>Bad Gateway</html>');
      if (kind === 'timeout') return wait(faults.hangMs ?? 30_000).then(() => res.destroy());
      if (kind === 'nonce') return envelope(res, -18, 'nonce error');
      if (kind === 'signature') return envelope(res, -7, 'signature error');
      await wait(faults.slowMs ?? 300);
    }

    const key = form.get('key') ?? '';
    const cred = keys.get(key);
    if (!cred) return (stats.rejected.key++, envelope(res, -6, 'API key error'));
    const nonce = Number(form.get('nonce'));
    if (form.get('signature') !== antpoolSignature(cred.secret, cred.owner, key, form.get('nonce') ?? '')) {
      return (stats.rejected.signature++, envelope(res, -7, 'signature error'));
    }
    if (!Number.isFinite(nonce) || nonce <= (lastNonce.get(key) ?? 0)) return (stats.rejected.nonce++, envelope(res, -18, 'nonce error'));
    lastNonce.set(key, nonce);
    const userId = form.get('userId') || cred.owner;
    if (!cred.users.has(userId)) return envelope(res, -9, 'no permission');
    const result = handleEndpoint(farm, endpoint, userId, form, t);
    if (!result.ok) {
      if (result.code === -2) stats.rejected.param++;
      return envelope(res, result.code, result.message);
    }
    stats.ok++;
    envelope(res, 0, 'ok', result.data);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, String(e)));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    farm,
    stats,
    setFaults: (f) => {
      faults = f;
      rand = seededRandom(f?.seed ?? 1);
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
