// The edge ingest route over HTTP through the production server (`next start`): what a collector
// meets, including Next's request handling and the body stream, on top of the handler figures of
// edge-ingest.ts. Needs a production build and BENCH_DATABASE_URL (the bench issues the collectors'
// tokens in the server's own database).
import { existsSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { openPostgres } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { organizations, sites } from '@/db/schema';
import { BENCH_MINERS, envelope, PER_UPLOAD, type SendUpload, timeUploads, UPLOADS } from './edge-ingest';
import { startProductionServer } from './http-server';

export async function benchHttpIngest(benchDatabaseUrl: string | undefined) {
  const label = `edge ingest over HTTP (next start → PostgreSQL, ${UPLOADS} × 5,000 miners gzip)`;
  if (!existsSync('.next/BUILD_ID') || !benchDatabaseUrl) return [{ bench: label, ms: '', 'rows/s': 'skipped: needs npm run build and BENCH_DATABASE_URL' }];
  const server = await startProductionServer(benchDatabaseUrl);
  const handle = await openPostgres(server.databaseUrl!, { max: 2 });
  try {
    const [org] = await handle.db.select().from(organizations).limit(1);
    const farms = await handle.db.select().from(sites).where(eq(sites.orgId, org!.id)).orderBy(asc(sites.name)).limit(2);
    const tokens = await Promise.all(
      farms.map(async (s) => (await issueDeviceToken(handle.db, { orgId: org!.id, sites: 'all', customers: 'all' }, null, { siteId: s.id, name: 'bench http' })).token),
    );
    const now = Date.now();
    const minute = (k: number) => new Date(Math.floor(now / 60_000) * 60_000 - k * 60_000).toISOString();
    const post: SendUpload = async (token, gz) => {
      const res = await fetch(`${server.base}/api/edge/v1/telemetry/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: new Uint8Array(gz),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${text}`);
    };
    // Discovery of each farm's 6,000 machines and a few steady uploads, untimed.
    for (const token of tokens) {
      for (let from = 0; from < BENCH_MINERS; from += PER_UPLOAD) await post(token, envelope(minute(200), from, Math.min(PER_UPLOAD, BENCH_MINERS - from)));
      for (let k = 1; k <= 3; k++) await post(token, envelope(minute(200 - k), 0, PER_UPLOAD));
    }
    const uploads = (first: number, n: number) => Array.from({ length: n }, (_, k) => envelope(minute(first - k), 0, PER_UPLOAD));
    const rows = UPLOADS * PER_UPLOAD;
    const one = await timeUploads(post, [{ token: tokens[0]!, uploads: uploads(180, UPLOADS) }]);
    const two = await timeUploads(post, tokens.map((token) => ({ token, uploads: uploads(150, UPLOADS / 2) })));
    return [
      { bench: `${label}, one farm back to back`, ms: Math.round(one), 'rows/s': Math.round(rows / (one / 1000)) },
      { bench: `${label}, two farms at once`, ms: Math.round(two), 'rows/s': Math.round(rows / (two / 1000)) },
    ];
  } finally {
    await handle.close();
    await server.stop();
  }
}
