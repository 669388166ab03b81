import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import proxy from '@/proxy';

// What proxy.ts forwards to the server: Next passes overridden request headers on as
// `x-middleware-request-<name>` on the proxy's response.
const forwarded = (res: Response) => res.headers.get('x-middleware-request-x-hi-brand-subdomain');

function request(url: string, host: string, extra: Record<string, string> = {}) {
  return new NextRequest(url, { headers: { host, 'accept-language': 'en', ...extra } });
}

describe('proxy.ts brand header', () => {
  it('names the brand of a <sub>.localhost host on pages and API routes', async () => {
    expect(forwarded(await proxy(request('http://acme.localhost:3000/en/login', 'acme.localhost:3000')))).toBe('acme');
    expect(forwarded(await proxy(request('http://acme.localhost:3000/api/hosting/miners', 'acme.localhost:3000')))).toBe('acme');
  });

  it('drops a copy sent by the client, on the default host and on a brand host', async () => {
    const plain = await proxy(request('http://127.0.0.1:3000/en/login', '127.0.0.1:3000', { 'x-hi-brand-subdomain': 'acme' }));
    expect(forwarded(plain)).toBeNull();
    expect(plain.headers.get('x-middleware-override-headers') ?? '').not.toContain('x-hi-brand-subdomain');
    const spoofed = await proxy(request('http://acme.localhost:3000/en/login', 'acme.localhost:3000', { 'x-hi-brand-subdomain': 'nova' }));
    expect(forwarded(spoofed)).toBe('acme');
    const api = await proxy(request('http://127.0.0.1:3000/api/health', '127.0.0.1:3000', { 'x-hi-brand-subdomain': 'acme' }));
    expect(forwarded(api)).toBeNull();
  });

  it('takes the public host from X-Forwarded-Host (reverse proxy; Next’s own render of an action redirect)', async () => {
    const res = await proxy(request('http://localhost:3000/en/portal', 'localhost:3000', { 'x-forwarded-host': 'acme.localhost:3000' }));
    expect(forwarded(res)).toBe('acme');
  });

  it('keeps next-intl’s locale redirect', async () => {
    const res = await proxy(request('http://acme.localhost:3000/', 'acme.localhost:3000'));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toMatch(/\/en$/);
  });
});
