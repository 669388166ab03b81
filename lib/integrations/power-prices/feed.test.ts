import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INITIAL_STRIKE_STATE, stepStrike, type StrikeState } from '@/lib/domain/power/curtailment/strike';
import { fetchPriceFeed, parsePriceCsv } from './feed';

let server: Server;
let base = '';
const replies: Record<string, { status: number; body: string }> = {
  '/prices.json': {
    status: 200,
    body: JSON.stringify([
      { start: '2026-07-15T12:00:00Z', usdPerMwh: 120 },
      { start: '2026-07-15T12:05:00Z', usdPerMwh: 135.5 },
      { start: '2026-07-15T12:10:00Z', usdPerMwh: 150 },
      { start: '2026-07-15T12:15:00Z', usdPerMwh: 'n/a' },
    ]),
  },
  '/prices.csv': { status: 200, body: 'interval_start,usd_per_mwh\n2026-07-15T12:00:00Z,40\n2026-07-15T12:05:00Z,38\n' },
  '/down': { status: 503, body: 'maintenance' },
};

beforeAll(async () => {
  // A fake feed on loopback only.
  server = createServer((req, res) => {
    const r = replies[req.url ?? ''] ?? { status: 404, body: '' };
    res.writeHead(r.status).end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('power price feeds', () => {
  it('CSV: rows by header, a bad row reported not guessed, a repeated window keeps its last price', () => {
    const p = parsePriceCsv('Start,Price\n2026-07-15T12:00:00Z,55\n2026-07-15T12:03:00Z,60\n2026-07-15T12:05:00Z,\n2026-07-15T12:00:00Z,57\n');
    expect(p.windows).toEqual([{ start: '2026-07-15T12:00:00.000Z', usdPerMwh: 57 }]);
    expect(p.rejected).toEqual([
      { row: 3, reason: 'start not on a five-minute boundary' },
      { row: 4, reason: 'price' },
    ]);
  });

  it('an HTTP JSON feed drives the strike rule: three windows above $100 curtail', async () => {
    const p = await fetchPriceFeed(`${base}/prices.json`, { retries: 0 });
    expect(p.rejected).toEqual([{ row: 3, reason: 'price' }]);
    let state: StrikeState = INITIAL_STRIKE_STATE;
    const actions = p.windows.map((w) => {
      const d = stepStrike(state, { high: { kind: 'fixed', usdPerMwh: 100 }, low: { kind: 'fixed', usdPerMwh: 50 }, curtailAfter: 3, resumeAfter: 2 }, { start: w.start, priceUsdPerMwh: w.usdPerMwh, breakEvenUsdPerMwh: null });
      state = d.state;
      return d.action;
    });
    expect(actions).toEqual(['hold', 'hold', 'curtail']);
  });

  it('an HTTP CSV feed reads the same way', async () => {
    expect((await fetchPriceFeed(`${base}/prices.csv`, { retries: 0 })).windows.map((w) => w.usdPerMwh)).toEqual([40, 38]);
  });

  it('a feed that is down is an error, not an empty price list', async () => {
    await expect(fetchPriceFeed(`${base}/down`, { retries: 0 })).rejects.toThrow(/503/);
  });
});
