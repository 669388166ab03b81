import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import nextConfig from '@/next.config';
import proxy from '@/proxy';

function request(url: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const host = new URL(url).host;
  return new NextRequest(url, { method: init.method ?? 'GET', headers: { host, 'accept-language': 'en', ...init.headers } });
}

const directives = (csp: string | null) => new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

afterEach(() => vi.unstubAllEnvs());

describe('proxy.ts security headers', () => {
  it('gives a page a nonce-based policy that forbids framing, and hands the same policy to the renderer', async () => {
    const res = await proxy(request('http://127.0.0.1:3000/en/dashboard'));
    const csp = res.headers.get('content-security-policy');
    const d = directives(csp);
    const nonce = d.get('script-src')!.find((s) => s.startsWith("'nonce-"));
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}==?'$/);
    expect(d.get('script-src')).toEqual(["'self'", nonce, "'strict-dynamic'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    // Next reads the nonce from the request's policy to put it on the scripts it renders.
    expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    const again = directives((await proxy(request('http://127.0.0.1:3000/en/dashboard'))).headers.get('content-security-policy'));
    expect(again.get('script-src')).not.toContain(nonce);
  });

  it('sets the other headers on pages, API routes and redirects, on the app and on brand hosts', async () => {
    const answers = [
      await proxy(request('http://127.0.0.1:3000/en/login')),
      await proxy(request('http://acme.localhost:3000/en/login')),
      await proxy(request('http://acme.localhost:3000/api/hosting/miners')),
      await proxy(request('http://127.0.0.1:3000/api/health')),
      await proxy(request('http://acme.localhost:3000/')),
    ];
    expect(answers[4]!.status).toBe(307);
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
      expect(res.headers.get('permissions-policy')).toContain('geolocation=()');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(directives(res.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'none'"]);
      // Not in tests (NODE_ENV=test): HSTS is for production only.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    // A JSON answer is never a document: nothing may load from it.
    expect(answers[2]!.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('adds HSTS in production, and allows eval only in development', async () => {
    const dev = (csp: string | null) => directives(csp).get('script-src')!.includes("'unsafe-eval'");
    vi.stubEnv('NODE_ENV', 'production');
    const prod = await proxy(request('http://acme.localhost:3000/en/login'));
    expect(prod.headers.get('strict-transport-security')).toBe('max-age=63072000');
    expect(dev(prod.headers.get('content-security-policy'))).toBe(false);
    vi.stubEnv('NODE_ENV', 'development');
    const local = await proxy(request('http://localhost:3000/en/login'));
    expect(local.headers.get('strict-transport-security')).toBeNull();
    expect(dev(local.headers.get('content-security-policy'))).toBe(true);
    expect(directives(local.headers.get('content-security-policy')).get('connect-src')).toContain('ws:');
  });

  it('keeps script injection out while Recharts’ inline style attributes stay allowed (no nonce in style-src, which would void unsafe-inline)', async () => {
    const d = directives((await proxy(request('http://127.0.0.1:3000/en/analytics'))).headers.get('content-security-policy'));
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(d.get('script-src')).not.toContain("'unsafe-eval'");
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
  });
});

describe('next.config.ts headers (static files and public/, which the proxy does not see)', () => {
  it('sends the same set on every path, with a policy that lets nothing load or frame them', async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.source).toBe('/:path*');
    const headers = Object.fromEntries(rules[0]!.headers.map((h) => [h.key, h.value]));
    expect(headers).toMatchObject({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
      'x-robots-tag': 'noindex, nofollow',
    });
  });
});
