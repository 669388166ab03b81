// The production server (`next start`) on a free loopback port, on its own database, for the
// benchmarks that time whole requests: pages and the edge ingest route.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '@/db/scratch';
import { childProcessEnv } from '@/lib/env';

export type ProductionServer = { base: string; databaseUrl?: string; stop: () => Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Starts `next start` in demo mode (the demo farm is seeded at its first start) on a scratch
 * PostgreSQL database of `benchDatabaseUrl`'s server, else on embedded PGlite in a temp folder, and
 * waits until /api/health answers.
 */
export async function startProductionServer(benchDatabaseUrl: string | undefined): Promise<ProductionServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hi-bench-http-'));
  const scratch = benchDatabaseUrl ? await createScratchDatabase(benchDatabaseUrl, 'hi_bench_http') : undefined;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const childEnv = childProcessEnv({
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    DEMO_MODE: 'true',
    MARKET_LIVE: 'false',
    AUTH_SECRET: 'bench-only-secret-bench-only-secret-0123',
    DATABASE_URL: scratch?.url,
    ANTPOOL_SECRETS_KEY: scratch ? randomBytes(32).toString('base64') : undefined,
    INNGEST_SIGNING_KEY: scratch ? randomBytes(32).toString('hex') : undefined,
    INNGEST_DEV: undefined,
  });
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], { env: childEnv, stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
      if (await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)) break;
      if (i >= 240) throw new Error('the production server did not become healthy in 120 s');
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, databaseUrl: scratch?.url, stop };
}
