import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type Db, queryRows } from '@/db/client';
import { issueDeviceToken } from '@/db/queries/edge-devices';
import { ensureRawPartitions } from '@/db/queries/telemetry-partitions';
import { organizations, sites } from '@/db/schema';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import type { MinerReading } from '@/lib/edge/types';

export const BENCH_MINERS = 6000;
const PER_UPLOAD = 5000;

function reading(i: number, at: string): MinerReading {
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

/**
 * Ingest through the real handler (auth, gunzip, zod, miner resolution, raw + live upserts) versus a
 * raw COPY of the same number of rows into telemetry_raw on the same server. Returns the site used,
 * so the rollup benchmark can reuse its 6,000 miners.
 */
export async function benchEdgeIngest(db: Db, databaseUrl: string | undefined) {
  const [org] = await db.insert(organizations).values({ name: 'Bench edge', slug: `bench-edge-${Date.now()}` }).returning();
  const [site] = await db
    .insert(sites)
    .values({ orgId: org!.id, name: 'Bench farm', location: 'Bench', timeZone: 'UTC', energySource: 'hydro', contractedKw: 20_000, electricityUsdPerKwh: '0.05000' })
    .returning();
  const { token } = await issueDeviceToken(db, { orgId: org!.id, sites: 'all', customers: 'all' }, null, { siteId: site!.id, name: 'bench' });
  const now = new Date();
  const minute = (k: number) => new Date(Math.floor(now.getTime() / 60_000) * 60_000 - k * 60_000).toISOString();
  const envelopeAt = (at: string, from: number, n: number) =>
    gzipSync(JSON.stringify(buildEnvelope(Array.from({ length: n }, (_, j) => reading(from + j, at)), { collectedAt: at, edgeVersion: 'bench' })));

  // Warm-up: discovers the 6,000 miners (creation is a one-off, not the steady state measured).
  await handleIngest(db, request(token, envelopeAt(minute(59), 0, PER_UPLOAD)), now);
  await handleIngest(db, request(token, envelopeAt(minute(59), PER_UPLOAD, BENCH_MINERS - PER_UPLOAD)), now);

  const uploads = Array.from({ length: 12 }, (_, k) => envelopeAt(minute(58 - k), 0, PER_UPLOAD));
  const rows = uploads.length * PER_UPLOAD;
  await ensureRawPartitions(db, [now.getTime() - 3600_000, now.getTime()]);
  const t0 = performance.now();
  for (let k = 0; k < uploads.length; k += 2) {
    const results = await Promise.all(uploads.slice(k, k + 2).map((gz) => handleIngest(db, request(token, gz), now)));
    for (const r of results) if (r.status !== 200) throw new Error(`ingest answered ${r.status}: ${await r.text()}`);
  }
  const ingestMs = performance.now() - t0;
  const ingestRate = rows / (ingestMs / 1000);
  const out: Record<string, string | number>[] = [
    { bench: 'edge ingest (handler → PostgreSQL, 12 × 5,000 miners gzip, 2 in flight)', ms: Math.round(ingestMs), 'rows/s': Math.round(ingestRate) },
  ];

  if (databaseUrl) {
    const ids = await queryRows<{ id: string }>(db, sql`select id from miners where site_id = ${site!.id} order by id limit ${PER_UPLOAD}`);
    const pg = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const lines: string[] = [];
      for (let k = 0; k < 12; k++) {
        const at = minute(30 - k);
        for (const { id } of ids) lines.push(`${id}\t${at}\tt\t110\t108\t110\t75\t65\t25\t50\t5400\t4\t3250\t10000\t20\t1\t86400\n`);
      }
      const t1 = performance.now();
      const stream = await pg`copy telemetry_raw (miner_id, collected_at, online, hashrate5s_ths, hashrate_avg_ths, hashrate_nominal_ths, temp_chip_max_c, temp_board_max_c, temp_inlet_c, temp_outlet_c, fan_min_rpm, fan_count, power_w, accepted, rejected, hardware_errors, uptime_s) from stdin`.writable();
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
        for (const l of lines) stream.write(l);
        stream.end();
      });
      const copyMs = performance.now() - t1;
      const copyRate = lines.length / (copyMs / 1000);
      out.push({ bench: 'raw COPY of the same number of rows into telemetry_raw', ms: Math.round(copyMs), 'rows/s': Math.round(copyRate) });
      out.push({ bench: 'edge ingest ÷ raw COPY', ms: '', 'rows/s': `${((ingestRate / copyRate) * 100).toFixed(0)} %` });
    } finally {
      await pg.end();
    }
  }
  return { rows: out, siteId: site!.id };
}
