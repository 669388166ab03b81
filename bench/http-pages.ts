// Whole-page response times through the production server (`next start`): what an operator waits
// for, including sign-in checks, RBAC, queries and server rendering. Needs a production build
// (`npm run build`); without one the case is reported as skipped rather than timed on `next dev`.
import { existsSync } from 'node:fs';
import { startProductionServer } from './http-server';
import { percentile } from './timing';

const PAGES = [
  { case: 'page: /en/calculator (warm cache)', path: '/en/calculator' },
  { case: 'page: /en/hosting/devices (6,000 miners, page 1)', path: '/en/hosting/devices' },
  { case: 'page: /en/hosting/devices?q=S19 (quick search)', path: '/en/hosting/devices?q=S19' },
  { case: 'page: /en/analytics', path: '/en/analytics' },
];

/** Signs in through Auth.js's credentials callback and returns the cookie header of the session. */
async function signIn(base: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ email, password: 'demo1234', csrfToken, callbackUrl: `${base}/en/dashboard` }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.includes('session-token'));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return session;
}

export async function benchHttpPages(benchDatabaseUrl: string | undefined, runs = 60) {
  if (!existsSync('.next/BUILD_ID')) return PAGES.map((p) => ({ case: p.case, p50_ms: 'skipped: no production build', p95_ms: '', runs: 0 }));
  const { base, stop } = await startProductionServer(benchDatabaseUrl);
  try {
    const cookie = await signIn(base, 'owner@demo.local');
    const out = [];
    for (const p of PAGES) {
      const get = async () => {
        const r = await fetch(base + p.path, { headers: { cookie } });
        await r.text();
        if (r.status !== 200) throw new Error(`${p.path} answered ${r.status}`);
      };
      for (let i = 0; i < 5; i++) await get();
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await get();
        samples.push(performance.now() - t);
      }
      out.push({ case: p.case, p50_ms: +percentile(samples, 50).toFixed(1), p95_ms: +percentile(samples, 95).toFixed(1), runs });
    }
    return out;
  } finally {
    await stop();
  }
}
