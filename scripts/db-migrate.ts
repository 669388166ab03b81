// `npm run db:migrate`: applies committed migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
import { migrateDb, openPglite, openPostgres } from '@/db/client';
import { env } from '@/lib/env';

const e = env();
const handle = e.databaseUrl ? await openPostgres(e.databaseUrl, { max: 1 }) : await openPglite(e.dataDir);
await migrateDb(handle, e.databaseUrl);
console.log(`migrations applied (${handle.kind === 'pglite' ? `PGlite in ${e.dataDir}` : 'PostgreSQL'})`);
await handle.close();
