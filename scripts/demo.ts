// `npm run demo [-- --dev] [--port 3000] [--miners 300]`: the app on the embedded database (demo mode),
// a simulated farm on loopback, an edge collector sending its telemetry to the app with a freshly
// issued device token, and the local Antpool-compatible server the demo pool accounts point at.
// Everything listens on 127.0.0.1 and nothing leaves the machine. Ctrl-C stops it all.
//
// --dev runs `next dev` instead of the production build (`npm run app`), e.g. to try the demo on
// another port and DATA_DIR beside a running dev server.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { dbHandle } from '@/db';
import { issueDeviceToken } from '@/lib/edge/devices';
import { edgeDevices, miners, organizations, sites } from '@/db/schema';
import { DEMO_ORG_SLUG } from '@/lib/demo/seed-demo';
import { createCollector } from '@/lib/edge/collector/collector';
import { collectorConfigSchema } from '@/lib/edge/collector/config';
import type { Logger } from '@/lib/edge/collector/log';
import { executeMinerCommand } from '@/lib/edge/commands';
import { readMiner } from '@/lib/edge/rpc/read-miner';
import { startSimulatedFarm } from '@/lib/edge/simulator';
import { env } from '@/lib/env';
import { buildFakeFarm } from '@/lib/integrations/antpool/fake-farm';
import { startFakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { startup } from '@/lib/startup';

const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: '3000' },
    miners: { type: 'string', default: '300' },
    'poll-s': { type: 'string', default: '15' },
  },
});
const port = Number(values.port);
const count = Math.max(1, Math.min(2000, Number(values.miners) || 300));
const COLLECTOR_NAME = 'Demo collector (npm run demo)';
const say = (msg: string) => console.log(`[demo] ${msg}`);

const e = env();
if (!e.demoMode) throw new Error('npm run demo needs demo mode: run it on the embedded database (no DATABASE_URL) or set DEMO_MODE=true');

// 1. Database: migrate, seed the demo farm if empty, issue a device token for the demo's first site.
//    The embedded database has one owner at a time, so it is closed again before the app opens it.
say(`preparing the database (${e.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${e.dataDir}`})…`);
await startup();
const handle = await dbHandle();
const { db } = handle;
const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
if (!org) throw new Error('The demo organization is missing: start from an empty DATA_DIR (or DEMO_MODE=true on an empty database).');
const [site] = await db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.orgId, org.id)).orderBy(asc(sites.name)).limit(1);
// Earlier runs' demo tokens are revoked, so the collectors list shows one live demo collector.
await db.update(edgeDevices).set({ revokedAt: new Date() }).where(and(eq(edgeDevices.orgId, org.id), eq(edgeDevices.name, COLLECTOR_NAME), isNull(edgeDevices.revokedAt)));
const { token } = await issueDeviceToken(db, { orgId: org.id, sites: 'all', customers: 'all' }, null, { siteId: site!.id, name: COLLECTOR_NAME });

// The demo pool accounts (seeded) use the fake farm's keys; its workers are the demo miners' names per site.
const workerRows = await db
  .select({ worker: miners.workerName, site: sites.name })
  .from(miners)
  .innerJoin(sites, eq(sites.id, miners.siteId))
  .where(and(eq(miners.orgId, org.id), sql`${miners.workerName} is not null`))
  .orderBy(miners.workerName);
await handle.close();

const bySub = new Map<string, string[]>([['demo-yaan', []], ['demo-abilene', []], ['demo-ekib', []]]);
for (const r of workerRows) bySub.get(r.site.startsWith("Ya'an") ? 'demo-yaan' : r.site.startsWith('Abilene') ? 'demo-abilene' : 'demo-ekib')!.push(r.worker!);
const poolFarm = buildFakeFarm({ seed: 'demo', subs: [...bySub].map(([userId, workers], i) => ({ userId, workers, ownKey: i === 0 })) });
poolFarm.mainUserId = 'demo-main';
const pool = await startFakeAntpool({ farm: poolFarm });
say(`local Antpool-compatible server on ${pool.url} (${workerRows.length} workers)`);

// 2. The simulated farm (a port each on 127.0.0.1; seeded, so the same MACs, hence the same miners, every run).
const farm = await startSimulatedFarm({ count, host: '127.0.0.1', addressing: 'ports', basePort: 0, seed: 7, faults: { offlineRate: 0.01, overheatRate: 0.02 } });
say(`${farm.miners.length} simulated miners on 127.0.0.1:${farm.miners[0]!.port}…${farm.miners.at(-1)!.port}`);

// 3. The app.
const appUrl = `http://127.0.0.1:${port}`;
const appEnv = { ...process.env, PORT: String(port), DATA_DIR: e.dataDir, DEMO_MODE: 'true', ANTPOOL_BASE_URL: pool.url };
const app: ChildProcess = values.dev
  ? spawn('npx', ['next', 'dev', '-p', String(port)], { env: appEnv, stdio: ['ignore', 'inherit', 'inherit'], detached: true })
  : spawn('node', ['scripts/app.mjs'], { env: appEnv, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
say(`starting the app (${values.dev ? 'next dev' : 'npm run app'}) on ${appUrl} …`);

let stopping = false;
let collector: ReturnType<typeof createCollector> | null = null;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  collector?.stop();
  // The app runs in its own process group (npx → next → workers): signal the whole group.
  if (app.pid && app.exitCode === null) {
    try {
      process.kill(-app.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  await Promise.allSettled([farm.close(), pool.close()]);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(0));
// Whatever fails from here on must not leave the app (a separate process group) running.
process.on('uncaughtException', (err) => {
  console.error('[demo] failed:', err);
  void stop(1);
});
process.on('unhandledRejection', (err) => {
  console.error('[demo] failed:', err);
  void stop(1);
});
app.once('exit', (status) => {
  if (!stopping) {
    console.error(`[demo] the app exited (${status}); stopping`);
    void stop(1);
  }
});

await waitForApp(`${appUrl}/api/health`);

// 4. The collector, in this process, with a readable one-line log.
const dir = path.join(e.dataDir, 'demo-collector');
mkdirSync(dir, { recursive: true });
const config = collectorConfigSchema.parse({
  cloudUrl: appUrl,
  token,
  pollIntervalS: Math.max(5, Number(values['poll-s']) || 15),
  commandPollIntervalS: 5,
  concurrency: 100,
  minerTimeoutMs: 3000,
  uploadTimeoutMs: 60_000,
  batchSize: 5000,
  bufferDir: path.join(dir, 'buffer'),
  keysDir: path.join(dir, 'keys'),
  bufferMaxEnvelopes: 20_000,
  // The simulator answers each miner's web/gRPC API on its cgminer port, and its logins are the
  // vendors' factory ones, so commands reach stock Antminer, Whatsminer v2, VNish and Braiins too.
  useVendorDefaultCredentials: true,
  miners: farm.miners.map(({ host, port: p }) => ({ host, port: p, httpPort: p })),
});
writeFileSync(path.join(dir, 'collector.json'), JSON.stringify(config, null, 1));
const log: Logger = (level, msg, fields = {}) => {
  if (level === 'info' && msg === 'poll done') return say(`collector polled ${fields.miners} miners: ${fields.online} online, ${fields.offline} offline (${fields.ms} ms)`);
  if (level === 'info' && msg === 'uploaded') return;
  console.log(`[collector] ${level} ${msg} ${JSON.stringify(fields)}`);
};
collector = createCollector(config, { read: readMiner, execute: executeMinerCommand, log });
collector.start();

console.log(`
──────────────────────────────────────────────────────────────────────────────
 HashInsight demo is running
   App:        ${appUrl}/en   (中文: ${appUrl}/zh)
   Sign in:    owner@demo.local / demo1234   (also admin, operator, client … @demo.local)
   Live edge:  ${appUrl}/en/hosting/edge — collector "${COLLECTOR_NAME}" on site "${site!.name}"
               (${count} simulated miners appear on that site's miner list as discovered machines;
               queue a reboot or sleep there and watch the collector execute it)
   Pool:       ${appUrl}/en/pool/settings → "Test connection" talks to the local server ${pool.url}
   Collector:  config written to ${path.join(dir, 'collector.json')}
 Ctrl-C stops the app, the collector, the simulated farm and the pool server.
──────────────────────────────────────────────────────────────────────────────
`);

async function waitForApp(url: string) {
  for (let i = 0; ; i++) {
    if (stopping) return;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (i % 15 === 14) say('still waiting for the app (the first build or compile takes a while)…');
    await new Promise((r) => setTimeout(r, 2000));
  }
}
