// `npm run antpool:check`: verifies the stored Antpool credentials, the clock and the request budget,
// and prints what it found. Exit code 1 when any check fails. Uses ANTPOOL_BASE_URL (the real
// pool by default; the demo refuses anything but 127.0.0.1).
import { migrateDb, openPglite, openPostgres } from '@/db/client';
import { runAntpoolCheck } from '@/lib/integrations/antpool/check';
import { createAntpool } from '@/lib/integrations/antpool/factory';
import { env } from '@/lib/env';

const e = env();
const handle = e.databaseUrl ? await openPostgres(e.databaseUrl, { max: 2 }) : await openPglite(e.dataDir);
await migrateDb(handle, e.databaseUrl);
const lines = await runAntpoolCheck(createAntpool(), handle.db);
for (const l of lines) console.log(`${l.ok ? 'ok  ' : 'FAIL'}  ${l.what.padEnd(28)} ${l.detail}`);
await handle.close();
process.exitCode = lines.every((l) => l.ok) ? 0 : 1;
