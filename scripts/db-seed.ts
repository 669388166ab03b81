// `npm run db:seed [-- --reset]`: writes the demo farm (and the model catalogue). --reset removes the
// demo organization and demo users first. Stop the app first when it runs on the embedded database.
import { migrateDb, openPglite, openPostgres } from '@/db/client';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { seedMarketHistory } from '@/db/seed/market';
import { fillDemoHistory } from '@/db/seed/telemetry-demo';
import { DEMO_ORG_SLUG, isDemoSeeded, removeDemo, seedDemo } from '@/lib/demo/seed-demo';
import { seedDemoTickets } from '@/db/seed/tickets';
import { organizations } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { env } from '@/lib/env';

const e = env();
const handle = e.databaseUrl ? await openPostgres(e.databaseUrl, { max: 2 }) : await openPglite(e.dataDir);
await migrateDb(handle, e.databaseUrl);
await ensureMinerModels(handle.db);
const historyStarted = Date.now();
const { network } = await seedMarketHistory(handle.db);
console.log(`bundled network history: ${network.days} days and ${network.epochs} epochs held, ${network.written.days} days and ${network.written.epochs} epochs written in ${Date.now() - historyStarted} ms`);
if (process.argv.includes('--reset')) {
  await removeDemo(handle.db);
  console.log('removed the demo organization and demo users');
}
if (await isDemoSeeded(handle.db)) {
  console.log('the demo farm is already there (use --reset to write it again)');
  // Areas added after the farm was seeded fill in on a re-run; each of these is idempotent.
  const [demo] = await handle.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG));
  if (demo) console.log(`demo tickets added: ${await seedDemoTickets(handle.db, demo.id)}`);
} else {
  const started = Date.now();
  const { miners } = await seedDemo(handle.db);
  console.log(`seeded the demo farm: 3 sites, 150 customers, ${miners} miners, 45 users in ${Date.now() - started} ms`);
}
// The server fills the demo's five-minute history in the background; the CLI writes all of it now
// (and finishes a fill a stopped server left).
const fillStarted = Date.now();
const hours = await fillDemoHistory(handle.db);
if (hours) console.log(`filled ${hours} hours of demo five-minute history in ${Date.now() - fillStarted} ms`);
if (!e.demoMode) console.log('note: demo mode is off (DEMO_MODE=false or DATABASE_URL set), so demo users cannot sign in; set DEMO_MODE=true to allow them');
await handle.close();
