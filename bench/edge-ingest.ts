import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type Db, queryRows } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { ensureRawPartitions } from '@/db/queries/telemetry/partitions';
import { organizations, sites } from '@/db/schema';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import type { MinerReading } from '@/lib/edge/types';

export const BENCH_MINERS = 6000;
export const PER_UPLOAD = 5000;
/** Uploads per timed case: 24 × 5,000 = 120,000 readings, a few seconds, so one GC pause or checkpoint does not decide it. */
export const UPLOADS = 24;

export function reading(i: number, at: string): MinerReading {
  return {
    ip: `127.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    port: 4028,
    collectedAt: at,
    online: i % 50 !== 0,
    error: null,
    vendor: 'antminer',
    model: 'Antminer S19 Pro',
    firmware: 'bmminer',
    macAddress: `02:00:00:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`,
    hashrate5sThs: 100 + (i % 17),
    hashrateAvgThs: 108,
    hashrateNominalThs: 110,
    tempChipMaxC: 70 + (i % 11),
    tempBoardMaxC: 65,
    tempInletC: 25,
    tempOutletC: 50,
    fansRpm: [5400, 5500, 5600, 5450],
    powerW: 3250,
    powerSource: 'reported',
    accepted: 10_000 + i,
    rejected: 20,
    hardwareErrors: 1,
    uptimeS: 86_400,
    pools: [{ url: 'stratum+tcp://pool.example:3333', user: 'acct.w', status: 'Alive', accepted: 10_000, rejected: 20 }],
  };
}

const request = (token: string, gz: Buffer) =>
  new Request('http://127.0.0.1/api/edge/v1/telemetry/ingest', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: new Uint8Array(gz),
  });

type Farm = { siteId: string; token: string };

/** A farm of 6,000 miners whose collector has already reported once (discovery is a one-off, not the steady state). */
async function makeFarm(db: Db, name: string, now: Date, at: string): Promise<Farm> {
  const [org] = await db.insert(organizations).values({ name: `Bench ${name}`, slug: `bench-${name}-${Date.now()}` }).returning();
  const [site] = await db
    .insert(sites)
    .values({ orgId: org!.id, name: `Bench ${name}`, location: 'Bench', timeZone: 'UTC', energySource: 'hydro', contractedKw: 20_000, electricityUsdPerKwh: '0.05000' })
    .returning();
  const { token } = await issueDeviceToken(db, { orgId: org!.id, sites: 'all', customers: 'all' }, null, { siteId: site!.id, name: 'bench' });
  for (let from = 0; from < BENCH_MINERS; from += PER_UPLOAD) {
    const res = await handleIngest(db, request(token, envelope(at, from, Math.min(PER_UPLOAD, BENCH_MINERS - from))), now);
    if (res.status !== 200) throw new Error(`warm-up answered ${res.status}: ${await res.text()}`);
  }
  // A few steady-state uploads untimed, so the timed ones meet optimised code, as in a running server.
  for (let k = 1; k <= 3; k++) await handleIngest(db, request(token, envelope(new Date(Date.parse(at) + k * 60_000).toISOString(), 0, PER_UPLOAD)), now);
  return { siteId: site!.id, token };
}

/** One gzip upload of miners `from`…`from + n - 1` read at `at`. */
export const envelope = (at: string, from: number, n: number) =>
  gzipSync(JSON.stringify(buildEnvelope(Array.from({ length: n }, (_, j) => reading(from + j, at)), { collectedAt: at, edgeVersion: 'bench' })));

/** Sends one upload with a collector's token; throws unless it is accepted. */
export type SendUpload = (token: string, gz: Buffer) => Promise<void>;

/** Sends each farm's uploads one after another (as its collector replays a backlog), farms at once; `inFlight` > 1 overlaps one farm's uploads. */
export async function timeUploads(send: SendUpload, work: { token: string; uploads: Buffer[] }[], inFlight = 1): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    work.map(async ({ token, uploads }) => {
      for (let k = 0; k < uploads.length; k += inFlight) await Promise.all(uploads.slice(k, k + inFlight).map((gz) => send(token, gz)));
    }),
  );
  return performance.now() - t0;
}

/**
 * Ingest through the real handler (auth, rate limit, gunzip, zod, miner resolution, raw insert and
 * live update) in three shapes — one farm's collector sending back to back, two farms' collectors
 * at once, and one farm with two uploads in flight (they contend for the same live rows) — versus a
 * raw COPY of the same number of rows into telemetry_raw on the same server. Returns farm A's site,
 * so the rollup benchmark can reuse its 6,000 miners.
 */
export async function benchEdgeIngest(db: Db, databaseUrl: string | undefined) {
  const now = new Date();
  const minute = (k: number) => new Date(Math.floor(now.getTime() / 60_000) * 60_000 - k * 60_000).toISOString();
  await ensureRawPartitions(db, [now.getTime() - 3 * 3600_000, now.getTime()]);
  const farmA = await makeFarm(db, 'a', now, minute(170));
  const farmB = await makeFarm(db, 'b', now, minute(170));
  // Each case gets minutes of its own, so every reading is new (the steady state, not a replay).
  const send: SendUpload = async (token, gz) => {
    const r = await handleIngest(db, request(token, gz), now);
    if (r.status !== 200) throw new Error(`ingest answered ${r.status}: ${await r.text()}`);
  };
  const uploads = (firstMinute: number, n = UPLOADS) => Array.from({ length: n }, (_, k) => envelope(minute(firstMinute - k), 0, PER_UPLOAD));

  const rows = UPLOADS * PER_UPLOAD;
  const cases = [
    { name: 'one farm, uploads back to back', ms: await timeUploads(send, [{ token: farmA.token, uploads: uploads(160) }]) },
    { name: 'two farms at once, each back to back', ms: await timeUploads(send, [{ token: farmA.token, uploads: uploads(130, UPLOADS / 2) }, { token: farmB.token, uploads: uploads(130, UPLOADS / 2) }]) },
    { name: 'one farm, 2 uploads in flight', ms: await timeUploads(send, [{ token: farmA.token, uploads: uploads(100) }], 2) },
  ];
  const out: Record<string, string | number>[] = cases.map((c) => ({
    bench: `edge ingest, ${c.name} (handler → PostgreSQL, ${UPLOADS} × 5,000 miners gzip)`,
    ms: Math.round(c.ms),
    'rows/s': Math.round(rows / (c.ms / 1000)),
  }));

  if (databaseUrl) {
    const copyRate = await rawCopyRate(db, databaseUrl, farmA.siteId, minute(60), rows);
    out.push({ bench: `raw COPY of the same ${rows.toLocaleString('en')} rows into telemetry_raw`, ms: Math.round(rows / copyRate * 1000), 'rows/s': Math.round(copyRate) });
    for (const c of cases) out.push({ bench: `edge ingest ÷ raw COPY, ${c.name}`, ms: '', 'rows/s': `${((rows / (c.ms / 1000) / copyRate) * 100).toFixed(0)} %` });
  }
  return { rows: out, siteId: farmA.siteId };
}

/** Rows per second of a plain COPY (no validation, no look-ups, no live rows) of `rows` readings of the site's miners, minute by minute from `at`. */
async function rawCopyRate(db: Db, databaseUrl: string, siteId: string, at: string, rows: number): Promise<number> {
  const ids = await queryRows<{ id: string }>(db, sql`select id from miners where site_id = ${siteId} order by id limit ${PER_UPLOAD}`);
  const lines: string[] = [];
  for (let k = 0; lines.length < rows; k++) {
    const when = new Date(Date.parse(at) + k * 60_000).toISOString();
    for (const { id } of ids) lines.push(`${id}\t${when}\tt\t110\t108\t110\t75\t65\t25\t50\t5400\t4\t3250\t10000\t20\t1\t86400\n`);
  }
  const pg = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const t0 = performance.now();
    const stream = await pg`copy telemetry_raw (miner_id, collected_at, online, hashrate5s_ths, hashrate_avg_ths, hashrate_nominal_ths, temp_chip_max_c, temp_board_max_c, temp_inlet_c, temp_outlet_c, fan_min_rpm, fan_count, power_w, accepted, rejected, hardware_errors, uptime_s) from stdin`.writable();
    // A pipeline honours backpressure. (A COPY that fails on the server leaves postgres.js's stream hanging, so its minutes must be new.)
    await pipeline(Readable.from(lines), stream);
    return lines.length / ((performance.now() - t0) / 1000);
  } finally {
    await pg.end();
  }
}
