import { signedIn } from '../helpers/signed-in';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { minerModels, miners } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { scopeFor } from '@/lib/core/scope';
import { isForeignOrigin } from '@/lib/security/origin';
import proxy from '@/proxy';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The routes run for real against the test database; only the signed-in user (normally from the
// next-auth cookie, which a browser attaches to another site's request too) is stood in for.

const batch = await import('@/app/api/hosting/miners/batch/route');
const discovery = await import('@/app/api/hosting/edge/discovery/route');
const list = await import('@/app/api/hosting/miners/route');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let siteName: string;
let model: string;
let n = 0;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  siteName = (await makeSite(db, orgId, 'Alpha')).name;
  const owner = await makeUser(db, { orgId, role: 'OWNER' });
  signedIn.actor = { userId: owner.user.id, email: 'o@example.test', name: 'O', locale: 'en', orgId, orgName: 'T', role: 'OWNER', scope: scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }) } satisfies Actor;
  const { ensureMinerModels } = await import('@/db/seed/ensure-miner-models');
  await ensureMinerModels(db);
  model = (await db.select({ name: minerModels.name }).from(minerModels).limit(1))[0]!.name;
});
afterAll(() => drop());

/** What a page on `origin` sends with `fetch(url, {method:'POST', body, credentials:'include'})`: text/plain needs no preflight. */
function postBatch(url: string, headers: Record<string, string>) {
  const name = `X-${n++}`;
  const body = JSON.stringify({ rows: [{ name, site: siteName, model }] });
  return { name, call: batch.POST(new Request(url, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8', host: new URL(url).host, ...headers } }), { params: Promise.resolve({}) }) };
}
const stored = async (name: string) => (await db.select({ id: miners.id }).from(miners).where(eq(miners.name, name))).length;

describe('cookie-authenticated API routes refuse state changes from a foreign origin', () => {
  it('refuses a text/plain POST from another site with 403 and writes nothing', async () => {
    const { name, call } = postBatch('http://127.0.0.1:3000/api/hosting/miners/batch', { origin: 'https://evil.example' });
    const res = await call;
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await stored(name)).toBe(0);
  });

  it('refuses one brand host writing to another, a sandboxed page (Origin: null) and a foreign page behind a reverse proxy', async () => {
    for (const [url, headers] of [
      ['http://acme.localhost:3000/api/hosting/miners/batch', { origin: 'http://nova.localhost:3000' }],
      ['http://127.0.0.1:3000/api/hosting/miners/batch', { origin: 'null' }],
      ['http://127.0.0.1:3000/api/hosting/miners/batch', { origin: 'https://evil.example', 'x-forwarded-host': 'app.example.com' }],
    ] as const) {
      const { name, call } = postBatch(url, headers);
      expect((await call).status, JSON.stringify(headers)).toBe(403);
      expect(await stored(name)).toBe(0);
    }
  });

  it('accepts the app’s own pages, a brand host’s own pages, the public name behind a reverse proxy, and clients that send no Origin', async () => {
    for (const [url, headers] of [
      ['http://127.0.0.1:3000/api/hosting/miners/batch', { origin: 'http://127.0.0.1:3000' }],
      ['http://acme.localhost:3000/api/hosting/miners/batch', { origin: 'http://acme.localhost:3000' }],
      ['http://127.0.0.1:3000/api/hosting/miners/batch', { origin: 'https://app.example.com', 'x-forwarded-host': 'app.example.com' }],
      ['http://127.0.0.1:3000/api/hosting/miners/batch', {}],
    ] as const) {
      const { name, call } = postBatch(url, headers);
      expect((await call).status, JSON.stringify(headers)).toBe(201);
      expect(await stored(name)).toBe(1);
    }
  });

  it('refuses a discovery scan started from another site', async () => {
    const req = new Request('http://127.0.0.1:3000/api/hosting/edge/discovery', { method: 'POST', body: JSON.stringify({ targets: '127.0.0.1', ports: '4028' }), headers: { 'content-type': 'text/plain', host: '127.0.0.1:3000', origin: 'https://evil.example' } });
    const res = await discovery.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(403);
  });

  it('leaves reads alone: a GET changes nothing, and the browser keeps its answer from the other site', async () => {
    const req = new Request('http://127.0.0.1:3000/api/hosting/miners', { headers: { host: '127.0.0.1:3000', origin: 'https://evil.example' } });
    expect((await list.GET(req, { params: Promise.resolve({}) })).status).toBe(200);
  });
});

describe('server actions from a foreign origin', () => {
  const action = (url: string, headers: Record<string, string>, extra: Record<string, string> = { 'next-action': '7f00aa' }) =>
    proxy(new NextRequest(url, { method: 'POST', body: '[]', headers: { host: new URL(url).host, 'accept-language': 'en', 'content-type': 'text/plain;charset=UTF-8', ...extra, ...headers } }));

  it('answer 403 from the proxy (Next alone answers 500), with the security headers', async () => {
    const res = await action('http://127.0.0.1:3000/en/settings', { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await action('http://acme.localhost:3000/en/portal', { origin: 'http://nova.localhost:3000' })).status).toBe(403);
    // A form posted without JavaScript carries the action in a multipart body and no Next-Action header.
    expect((await action('http://127.0.0.1:3000/en/settings', { origin: 'https://evil.example' }, { 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(403);
  });

  it('pass on to Next from the page’s own origin, on the app and on a brand host', async () => {
    for (const [url, origin] of [
      ['http://127.0.0.1:3000/en/settings', 'http://127.0.0.1:3000'],
      ['http://acme.localhost:3000/en/portal', 'http://acme.localhost:3000'],
    ] as const) {
      const res = await action(url, { origin });
      expect(res.status, url).toBe(200);
      expect(res.headers.get('x-middleware-next')).toBe('1');
    }
  });
});

describe('isForeignOrigin', () => {
  const h = (headers: Record<string, string>) => new Headers(headers);
  it.each([
    [{ host: 'acme.localhost:3000', origin: 'http://acme.localhost:3000' }, false],
    [{ host: 'ACME.localhost:3000', origin: 'http://acme.localhost:3000' }, false],
    [{ host: 'acme.localhost:3000' }, false],
    [{ host: 'acme.localhost:3000', origin: 'http://acme.localhost:3001' }, true],
    [{ host: 'acme.localhost:3000', origin: 'http://localhost:3000' }, true],
    [{ host: 'acme.localhost:3000', origin: 'not a url' }, true],
    [{ origin: 'http://acme.localhost:3000' }, true],
  ])('%j → %s', (headers, foreign) => expect(isForeignOrigin(h(headers))).toBe(foreign));
});
