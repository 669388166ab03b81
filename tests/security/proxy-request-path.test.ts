import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { PATH_HEADER } from '@/lib/auth/return-path';
import proxy from '@/proxy';

// Next passes request headers the proxy overrides on to the server as `x-middleware-request-<name>`.
const forwarded = (res: Response) => res.headers.get(`x-middleware-request-${PATH_HEADER}`);
const request = (url: string, extra: Record<string, string> = {}) => new NextRequest(url, { headers: { host: '127.0.0.1:3000', 'accept-language': 'en', ...extra } });

describe('proxy.ts request path', () => {
  it('tells a page which path and query were asked for, so signing in can come back to it', async () => {
    expect(forwarded(await proxy(request('http://127.0.0.1:3000/en/hosting/tickets/7f3c?tab=comments')))).toBe('/en/hosting/tickets/7f3c?tab=comments');
  });

  it('replaces a copy sent by the client, and sends none to API routes', async () => {
    expect(forwarded(await proxy(request('http://127.0.0.1:3000/zh/hosting/miners', { [PATH_HEADER]: '//evil.example' })))).toBe('/zh/hosting/miners');
    const api = await proxy(request('http://127.0.0.1:3000/api/health', { [PATH_HEADER]: '/en/x' }));
    expect(forwarded(api)).toBeNull();
    expect(api.headers.get('x-middleware-override-headers') ?? '').not.toContain(PATH_HEADER);
  });
});

describe('proxy.ts and seed 002’s CRM endpoints at /crm/api', () => {
  it('passes /crm/api/… through as an API route: no locale redirect, no page path, the API policy', async () => {
    const res = await proxy(request('http://127.0.0.1:3000/crm/api/sync-status', { [PATH_HEADER]: '/en/x' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(forwarded(res)).toBeNull();
    expect(res.headers.get('x-middleware-rewrite')).toBeNull();
  });

  it('still prefixes the CRM pages with a locale', async () => {
    const res = await proxy(request('http://127.0.0.1:3000/crm/customers'));
    expect(res.headers.get('location')).toMatch(/\/en\/crm\/customers$/);
  });
});
