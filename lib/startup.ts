import { dbHandle } from '@/db';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { seedMarketHistory } from '@/db/seed/market';
import { fillDemoHistory } from '@/db/seed/telemetry-demo';
import { appJobDeps } from '@/inngest/deps';
import { startEmbeddedJobs } from '@/inngest/embedded/start';
import { startDemoPoolServer } from '@/lib/demo/pool-server';
import { DEMO_ORG_SLUG, isEmpty, seedDemo } from '@/lib/demo/seed-demo';
import { startLiveDemo } from '@/lib/edge/simulator/live-demo';
import { createAntpool, isLoopback } from '@/lib/integrations/antpool/factory';
import { recordIntegrationCall } from '@/db/queries/system/monitoring';
import { setExternalSink } from '@/lib/observability/metrics';
import { env } from './env';

/**
 * Runs once when the server starts: validates configuration (a bad one stops the start with a
 * clear message), applies migrations, refreshes the model catalogue and, on an empty database in
 * demo mode, writes the demo farm.
 */
export async function startup(): Promise<void> {
  const e = env();
  const { db, kind } = await dbHandle();
  await ensureMinerModels(db);
  // The bundled price and network history, so charts work offline from the first start.
  const history = Date.now();
  const { network } = await seedMarketHistory(db);
  if (network.written.days || network.written.epochs) console.log(`[startup] loaded the bundled network history (${network.written.days} days, ${network.written.epochs} epochs) in ${Date.now() - history} ms`);
  if (e.demoMode && (await isEmpty(db))) {
    const started = Date.now();
    const { miners } = await seedDemo(db);
    console.log(`[startup] seeded the demo farm (${miners} miners) in ${Date.now() - started} ms`);
  }
  console.log(`[startup] HashInsight ${e.version} on ${kind === 'pglite' ? `embedded PGlite in ${e.dataDir}` : 'PostgreSQL'}${e.demoMode ? ', demo mode' : ''}`);
}

/**
 * The server's start (instrumentation): a start that cannot succeed (bad configuration, unreachable
 * database) stops with the reason; then the work the server runs in the background. Not part of
 * startup(), which scripts (npm run demo, db:seed) call without being the server.
 */
export async function startupOrExit(): Promise<void> {
  try {
    await startup();
    // Once per process: a dev server may register again, and the pool server and collector are not idempotent.
    const holder = globalThis as unknown as { __hiBackground?: boolean };
    if (holder.__hiBackground) return;
    holder.__hiBackground = true;
    const e = env();
    const { db } = await dbHandle();
    // Calls to outside services are added up per hour in the database for the monitoring page; a
    // failed write is dropped (the figures are a view, and must never slow or fail the call).
    setExternalSink((call) => void recordIntegrationCall(db, call).catch(() => undefined));
    // The live demo: without a local pool server configured, the demo pool accounts get one here,
    // so the scheduled pool tiers collect instead of failing (demo mode reaches no other pool).
    const pool = e.demoMode && e.demoLive && !isLoopback(e.antpool.baseUrl) ? await startDemoPoolServer(db) : null;
    if (pool) console.log(`[startup] demo pool accounts served by the local Antpool-compatible server on ${pool.url}`);
    await startEmbeddedJobs(e, async () => ({ ...(await appJobDeps()), ...(pool ? { antpool: createAntpool({ baseUrl: pool.url }) } : {}) }));
    // The demo seed wrote the newest hour of five-minute history; the 23 before it fill in here, an
    // hour a statement with a pause between, resuming a fill a restart cut off (nothing when done).
    if (e.demoMode) {
      const fillStarted = Date.now();
      void fillDemoHistory(db, { pauseMs: 1000 }).then(
        (hours) => hours && console.log(`[startup] filled ${hours} hours of the demo five-minute history in the background in ${Date.now() - fillStarted} ms`),
        (error: unknown) => console.error(`[startup] the demo history fill stopped (it resumes on the next start): ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    if (e.demoMode && e.demoLive) await startLiveDemo({ db, appUrl: `http://127.0.0.1:${e.port}`, orgSlug: DEMO_ORG_SLUG });
  } catch (error) {
    console.error(`\n[startup] HashInsight cannot start:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
