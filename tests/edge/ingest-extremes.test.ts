import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { issueDeviceToken } from '@/lib/edge/devices';
import { edgeDevices } from '@/db/schema';
import { buildEnvelope } from '@/lib/edge/envelope';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';
import { COLLECTOR_BOUNDS, type Range, READING_BOUNDS } from '@/lib/validation/edge-bounds';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite } from '../helpers/fixtures';
import { reading } from './ingest-helpers';

/**
 * Property test: every field of the envelope, of a record, of a pool, a fan and the collector's
 * headers goes through each extreme value. The answer is always 2xx or 4xx, and exactly the records
 * the specification below calls valid are stored. The specification is written out here from the
 * documented ranges, apart from the schema it checks.
 */
const MISSING = Symbol('missing');
const NEG_ZERO = '__negative_zero__';
const EXTREMES: [string, unknown][] = [
  ['0', 0],
  ['-0', -0],
  ['-1', -1],
  ['2^31', 2 ** 31],
  ['2^32-1', 2 ** 32 - 1],
  ['1e300', 1e300],
  ['-1e300', -1e300],
  ['1e-300', 1e-300],
  ['"NaN"', 'NaN'],
  ['"Infinity"', 'Infinity'],
  ['"-Infinity"', '-Infinity'],
  ['NUL', '\u0000'],
  ['text with NUL', 'S19\u0000Pro'],
  ['10 kB text', 'x'.repeat(10_240)],
  ['empty text', ''],
  ['true', true],
  ['null', null],
  ['object', { a: 1 }],
  ['array', []],
  ['missing', MISSING],
];

type Spec = (v: unknown) => boolean;
const inside = (r: Range): Spec => (v) => typeof v === 'number' && v >= r.min && v <= r.max;
const optional = (p: Spec): Spec => (v) => v === MISSING || v === null || p(v);
const text = (max: number, min = 0): Spec => (v) => typeof v === 'string' && v.length >= min && v.length <= max && !v.includes('\u0000');
const B = READING_BOUNDS;
const RECORD: Record<string, Spec> = {
  ip: text(64, 1),
  port: (v) => v === MISSING || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535),
  collected_at: (v) => v === MISSING,
  online: (v) => typeof v === 'boolean',
  error: optional(text(500)),
  vendor: optional(text(32)),
  model: optional(text(80)),
  firmware: optional(text(120)),
  mac_address: optional((v) => typeof v === 'string' && /^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$/.test(v)),
  hashrate_5s_ths: optional(inside(B.hashrateThs)),
  hashrate_avg_ths: optional(inside(B.hashrateThs)),
  hashrate_nominal_ths: optional(inside(B.hashrateThs)),
  temp_chip_max_c: optional(inside(B.tempC)),
  temp_board_max_c: optional(inside(B.tempC)),
  temp_inlet_c: optional(inside(B.tempC)),
  temp_outlet_c: optional(inside(B.tempC)),
  fans_rpm: (v) => v === MISSING || (Array.isArray(v) && v.length <= 16 && v.every(inside(B.fanRpm))),
  power_w: optional(inside(B.powerW)),
  power_source: optional((v) => v === 'reported' || v === 'model'),
  accepted: optional(inside(B.counter)),
  rejected: optional(inside(B.counter)),
  hardware_errors: optional(inside(B.counter)),
  uptime_s: optional(inside(B.uptimeS)),
  pools: (v) => v === MISSING || (Array.isArray(v) && v.length === 0),
  extra: () => true,
};
const POOL: Record<string, Spec> = { url: text(300), user: text(200), status: text(40), accepted: optional(inside(B.counter)), rejected: optional(inside(B.counter)) };
/** The column of telemetry_raw each ranged field lands in. */
const COLUMN: Record<string, string> = {
  hashrate_5s_ths: 'hashrate5s_ths', hashrate_avg_ths: 'hashrate_avg_ths', hashrate_nominal_ths: 'hashrate_nominal_ths', temp_chip_max_c: 'temp_chip_max_c',
  temp_board_max_c: 'temp_board_max_c', temp_inlet_c: 'temp_inlet_c', temp_outlet_c: 'temp_outlet_c', power_w: 'power_w', accepted: 'accepted',
  rejected: 'rejected', hardware_errors: 'hardware_errors', uptime_s: 'uptime_s',
};

let db: Db;
let drop: () => Promise<void>;
let token: string;
let deviceId: string;
const now = new Date('2026-11-22T05:30:00Z');
let tick = 0;
const nextInstant = () => new Date(now.getTime() - 120_000 + ++tick * 100).toISOString();

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const orgId = (await makeOrg(db)).id;
  const siteId = (await makeSite(db, orgId)).id;
  const issued = await issueDeviceToken(db, { orgId, sites: 'all', customers: 'all' }, null, { siteId, name: 'extremes' });
  token = issued.token;
  deviceId = issued.device.id;
});
afterAll(async () => drop());

/** JSON that keeps -0 (JSON.stringify writes it as 0). */
function toJson(body: unknown): string {
  return JSON.stringify(body, (_k, v) => (Object.is(v, -0) ? NEG_ZERO : v)).replaceAll(`"${NEG_ZERO}"`, '-0');
}

function set(target: Record<string, unknown>, key: string, value: unknown) {
  if (value === MISSING) delete target[key];
  else target[key] = value;
}

async function post(body: string, headers: Record<string, string> = {}) {
  const request = new Request('http://127.0.0.1/api/edge/v1/telemetry/ingest', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });
  const res = await handleIngest(db, request, now);
  expect(res.status === 200 || (res.status >= 400 && res.status < 500), `status ${res.status}`).toBe(true);
  return { status: res.status, body: await res.json() };
}

/** Each record's tag (a counter field no case varies at the same time) → the stored row. */
async function stored(at: string, tag: 'accepted' | 'rejected', column = 'online') {
  const rows = await queryRows<{ tag: number; value: unknown }>(db, sql`select ${sql.raw(tag)} as tag, ${sql.raw(column)} as value from telemetry_raw where collected_at = ${at}::timestamptz order by 1`);
  return new Map(rows.map((r) => [Number(r.tag), r.value]));
}

/** What a real (float4) column gives back for a number: zero below its smallest normal value. */
const asStored = (v: number) => (Math.abs(v) < 1.2e-38 ? 0 : v);

/**
 * One upload per field: record 0 is untouched, record k carries the k-th extreme value in the
 * field (`mutate` puts it there). Each record is its own miner (MAC and port from k).
 */
async function sweepRecordField(field: string, spec: Spec, mutate: (record: Record<string, unknown>, value: unknown) => void) {
  const at = nextInstant();
  const tag = field === 'accepted' ? 'rejected' : 'accepted';
  const records = [0, ...EXTREMES.map((_, k) => k + 1)].map((k) => {
    const r = JSON.parse(JSON.stringify(buildEnvelope([reading(k, at)], { collectedAt: at, edgeVersion: '1' }).miners[0])) as Record<string, unknown>;
    r[tag] = k;
    if (k > 0) mutate(r, EXTREMES[k - 1]![1]);
    return r;
  });
  const { status, body } = await post(toJson({ format: 'telemetry_envelope.v1', collected_at: at, edge_version: '1', miners: records }));
  const valid = EXTREMES.map(([, v], k) => (spec(v) ? k + 1 : null)).filter((k): k is number => k !== null);
  const invalid = EXTREMES.map((_, k) => k + 1).filter((k) => !valid.includes(k));
  expect(status, field).toBe(200);
  expect(body.errors.map((e: { index: number }) => e.index), `${field}: refused records`).toEqual(invalid);
  for (const e of body.errors) expect(e.reason.length).toBeGreaterThan(3);
  const rows = await stored(at, tag, COLUMN[field]);
  expect([...rows.keys()], `${field}: stored records`).toEqual([0, ...valid]);
  if (COLUMN[field]) {
    for (const k of valid) {
      const sent = EXTREMES[k - 1]![1];
      const got = rows.get(k) as number | null;
      if (typeof sent !== 'number') expect(got, `${field} = ${String(sent)}`).toBeNull();
      else if (field === 'uptime_s') expect(got).toBe(Math.round(sent) || 0);
      else expect(Number(got)).toBeCloseTo(asStored(sent), 6);
    }
  }
}

describe('ingest under extreme values: 2xx/4xx only, exactly the valid records stored', () => {
  it.each(Object.entries(RECORD))('record field %s', async (field, spec) => {
    await sweepRecordField(field, spec, (r, v) => set(r, field, v));
  });

  it('a fan speed', async () => {
    await sweepRecordField('fans_rpm[0]', (v) => v === MISSING || inside(B.fanRpm)(v), (r, v) => (r.fans_rpm = v === MISSING ? [] : [v]));
  });

  it.each(Object.entries(POOL))('pool field %s', async (field, spec) => {
    await sweepRecordField(`pools[0].${field}`, spec, (r, v) => {
      const pool = { url: 'stratum+tcp://pool.example:3333', user: 'acct.w1', status: 'Alive', accepted: 1, rejected: 0 };
      set(pool, field, v);
      r.pools = [pool];
    });
  });

  const ENVELOPE: Record<string, Spec> = {
    format: () => false,
    collected_at: () => false,
    edge_version: (v) => v === MISSING || text(40)(v),
    buffer_depth: (v) => v === MISSING || (Number.isInteger(v) && inside(COLLECTOR_BOUNDS.bufferDepth)(v)),
    miners: (v) => Array.isArray(v),
    extra: () => true,
  };
  it.each(Object.entries(ENVELOPE))('envelope field %s', async (field, spec) => {
    for (const [label, value] of EXTREMES) {
      const at = nextInstant();
      const envelope: Record<string, unknown> = { format: 'telemetry_envelope.v1', collected_at: at, edge_version: '1', miners: buildEnvelope([reading(1, at)], { collectedAt: at, edgeVersion: '1' }).miners };
      set(envelope, field, value);
      const { status, body } = await post(toJson(envelope));
      const ok = spec(value);
      expect(status, `${field} = ${label}`).toBe(ok ? 200 : 400);
      if (!ok) expect(body.error.code).toBe('VALIDATION');
      const expectedRows = ok && field !== 'miners' ? [1] : [];
      expect([...(await stored(at, 'accepted')).keys()].length, `${field} = ${label}`).toBe(expectedRows.length);
    }
  });

  const HEADERS: [string, Range, keyof typeof edgeDevices.$inferSelect][] = [
    ['x-edge-buffer-depth', COLLECTOR_BOUNDS.bufferDepth, 'bufferDepth'],
    ['x-edge-dead-letters', COLLECTOR_BOUNDS.deadLetters, 'deadLetters'],
    ['x-edge-dead-letter-bytes', COLLECTOR_BOUNDS.deadLetterBytes, 'deadLetterBytes'],
  ];
  it.each(HEADERS)('header %s', async (name, range, column) => {
    // A NUL cannot travel in an HTTP header; every other value is sent as its text.
    for (const [label, value] of EXTREMES.filter(([, v]) => v !== MISSING && !String(v).includes('\u0000'))) {
      const at = nextInstant();
      const h = Object.is(value, -0) ? '-0' : String(value);
      const { status } = await post(toJson(buildEnvelope([reading(1, at)], { collectedAt: at, edgeVersion: '1', bufferDepth: 5 })), { [name]: h });
      expect(status, `${name}: ${label}`).toBe(200);
      const [device] = await db.select().from(edgeDevices).where(eq(edgeDevices.id, deviceId));
      const ok = /^\d+$/.test(h) && Number(h) <= range.max;
      const fallback = name === 'x-edge-buffer-depth' ? 5 : null;
      expect(device![column], `${name}: ${label}`).toBe(ok ? Number(h) : fallback);
    }
  });

  it('bare NaN and Infinity (not JSON) are refused with 400 and store nothing', async () => {
    for (const token of ['NaN', 'Infinity', '-Infinity']) {
      const at = nextInstant();
      const json = toJson(buildEnvelope([reading(1, at)], { collectedAt: at, edgeVersion: '1' })).replace('"hashrate_5s_ths":110.1', `"hashrate_5s_ths":${token}`);
      expect(json).toContain(token);
      const { status, body } = await post(json);
      expect(status).toBe(400);
      expect(body.error.code).toBe('INVALID_JSON');
      expect((await stored(at, 'accepted')).size).toBe(0);
    }
  });
});
