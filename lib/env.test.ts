import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env';

const dir = () => mkdtempSync(path.join(tmpdir(), 'hi-env-'));

describe('loadEnv', () => {
  it('refuses to start in production on a shared database without AUTH_SECRET', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/db', DATA_DIR: dir() })).toThrow(EnvError);
    expect(() => loadEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/db', DATA_DIR: dir() })).toThrow(/AUTH_SECRET is required/);
  });

  it('generates a secret once and keeps it in the data folder', () => {
    const d = dir();
    const a = loadEnv({ NODE_ENV: 'development', DATA_DIR: d });
    const b = loadEnv({ NODE_ENV: 'development', DATA_DIR: d });
    expect(a.authSecret).toHaveLength(43);
    expect(b.authSecret).toBe(a.authSecret);
    expect(readFileSync(path.join(d, 'auth-secret'), 'utf8')).toBe(a.authSecret);
  });

  it('keeps the demo farm live in demo mode unless DEMO_LIVE=false, and never outside demo mode', () => {
    expect(loadEnv({ DATA_DIR: dir() }).demoLive).toBe(true);
    expect(loadEnv({ DATA_DIR: dir(), DEMO_LIVE: 'false' }).demoLive).toBe(false);
    expect(loadEnv({ DATA_DIR: dir(), DEMO_MODE: 'false' }).demoLive).toBe(false);
    expect(loadEnv({ DATA_DIR: dir(), DATABASE_URL: 'postgres://x@localhost/db', AUTH_SECRET: 'x'.repeat(32) }).demoLive).toBe(false);
    expect(() => loadEnv({ DATA_DIR: dir(), DEMO_LIVE: 'yes' })).toThrow(/DEMO_LIVE/);
    expect(loadEnv({ DATA_DIR: dir(), PORT: '3917' }).port).toBe(3917);
  });

  it('fetches market intelligence where the network sources are live, unless MARKET_INTEL_LIVE says otherwise', () => {
    const shared = { NODE_ENV: 'development', DATA_DIR: dir(), DATABASE_URL: 'postgres://x@localhost/db', AUTH_SECRET: 'x'.repeat(32) };
    expect(loadEnv(shared).marketIntel).toEqual({ live: true, deribitUrl: 'https://www.deribit.com', okxUrl: 'https://www.okx.com', binanceUrl: 'https://fapi.binance.com' });
    expect(loadEnv({ ...shared, MARKET_INTEL_LIVE: 'false' }).marketIntel.live).toBe(false);
    expect(loadEnv({ ...shared, MARKET_LIVE: 'false' }).marketIntel.live).toBe(false);
    expect(loadEnv({ ...shared, MARKET_LIVE: 'false', MARKET_INTEL_LIVE: 'true' }).marketIntel.live).toBe(true);
    // The embedded demo fetches nothing unless asked.
    expect(loadEnv({ DATA_DIR: dir() }).marketIntel.live).toBe(false);
    expect(loadEnv({ ...shared, MARKET_OKX_URL: 'http://127.0.0.1:9/' }).marketIntel.okxUrl).toBe('http://127.0.0.1:9');
  });

  it('turns demo mode on for the embedded database only, unless told', () => {
    expect(loadEnv({ DATA_DIR: dir() }).demoMode).toBe(true);
    expect(loadEnv({ DATA_DIR: dir(), DATABASE_URL: 'postgres://x@localhost/db', AUTH_SECRET: 'x'.repeat(32) }).demoMode).toBe(false);
    expect(loadEnv({ DATA_DIR: dir(), DEMO_MODE: 'false' }).demoMode).toBe(false);
  });

  it('refuses to start in production on a shared database without INNGEST_SIGNING_KEY', () => {
    const shared = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/db', AUTH_SECRET: 'x'.repeat(32), DATA_DIR: dir() };
    expect(() => loadEnv(shared)).toThrow(/INNGEST_SIGNING_KEY is required in production/);
    expect(loadEnv({ ...shared, INNGEST_SIGNING_KEY: 'signkey-prod-' + 'ab'.repeat(32) }).inngest).toEqual({ isDev: false, signingKey: 'signkey-prod-' + 'ab'.repeat(32) });
  });

  it('signs Inngest calls with a key generated into the data folder on the embedded database, in every mode', () => {
    for (const NODE_ENV of ['production', 'development']) {
      const d = dir();
      const a = loadEnv({ NODE_ENV, DATA_DIR: d });
      expect(a.inngest.isDev).toBe(false);
      expect(a.inngest.signingKey).toMatch(/^[0-9a-f]{64}$/);
      expect(loadEnv({ NODE_ENV, DATA_DIR: d }).inngest.signingKey).toBe(a.inngest.signingKey);
      expect(readFileSync(path.join(d, 'inngest-signing-key'), 'utf8')).toBe(a.inngest.signingKey);
    }
  });

  it('trusts the unsigned Inngest dev server only when INNGEST_DEV asks for it, and never in production', () => {
    expect(loadEnv({ NODE_ENV: 'development', DATA_DIR: dir(), INNGEST_DEV: '1' }).inngest.isDev).toBe(true);
    expect(loadEnv({ NODE_ENV: 'development', DATA_DIR: dir(), INNGEST_DEV: 'http://127.0.0.1:8288' }).inngest.isDev).toBe(true);
    expect(loadEnv({ NODE_ENV: 'development', DATA_DIR: dir(), INNGEST_DEV: '0' }).inngest.isDev).toBe(false);
    expect(() => loadEnv({ NODE_ENV: 'production', DATA_DIR: dir(), INNGEST_DEV: '1' })).toThrow(/INNGEST_DEV .* is for `npm run dev` only/);
  });

  it('refuses a signing key too short to sign with', () => {
    expect(() => loadEnv({ DATA_DIR: dir(), INNGEST_SIGNING_KEY: 'secret' })).toThrow(/INNGEST_SIGNING_KEY/);
  });

  it('names the bad variable', () => {
    expect(() => loadEnv({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('trusts no forwarding proxy unless told how many there are, and refuses a count it cannot read', () => {
    expect(loadEnv({ DATA_DIR: dir() }).trustedProxyHops).toBe(0);
    expect(loadEnv({ DATA_DIR: dir(), TRUSTED_PROXY_HOPS: '2' }).trustedProxyHops).toBe(2);
    for (const bad of ['-1', '1.5', 'one', '11', ' 1']) expect(() => loadEnv({ DATA_DIR: dir(), TRUSTED_PROXY_HOPS: bad }), bad).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
