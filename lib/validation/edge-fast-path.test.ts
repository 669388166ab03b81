import { describe, expect, it, vi } from 'vitest';
import { buildEnvelope } from '@/lib/edge/envelope';
import type { MinerReading } from '@/lib/edge/types';
import { RECORD_RANGES, telemetryEnvelopeSchema, telemetryRecordSchema } from './edge';
import { COLLECTOR_BOUNDS, READING_BOUNDS } from './edge-bounds';
import { parseTelemetryUpload } from './edge-fast-path';

const reading: MinerReading = {
  ip: '10.0.0.7', port: 4028, collectedAt: '2026-11-22T05:29:00.000Z', online: true, error: null, vendor: 'antminer', model: 'Antminer S19 Pro',
  firmware: 'bmminer 1.0', macAddress: '02:00:00:00:00:07', hashrate5sThs: 110.2, hashrateAvgThs: 109.5, hashrateNominalThs: 110, tempChipMaxC: 78,
  tempBoardMaxC: 70, tempInletC: 25, tempOutletC: 55, fansRpm: [5400, 5520], powerW: 3250, powerSource: 'reported', accepted: 1000, rejected: 3,
  hardwareErrors: 1, uptimeS: 86400, pools: [{ url: 'stratum+tcp://pool.example:3333', user: 'acct.w1', status: 'Alive', accepted: 1000, rejected: 3 }],
};
const wire = () => JSON.parse(JSON.stringify(buildEnvelope([reading, { ...reading, macAddress: null, port: 4029 }], { collectedAt: reading.collectedAt, edgeVersion: '1.0.0', bufferDepth: 0 })));
const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/**
 * The fast path against zod on the whole envelope (each on its own copy: the fast path fills
 * defaults in place). Where zod accepts the envelope, the upload holds the same data and no
 * errors. Where zod's first issue is the envelope's own, the upload fails with that issue. Where it
 * is a record's, the upload names exactly the records zod names, each with zod's first issue for
 * it, and holds every other record as zod returns it.
 */
function expectSame(envelope: unknown) {
  const fast = parseTelemetryUpload(clone(envelope));
  const zod = telemetryEnvelopeSchema.safeParse(clone(envelope));
  if (zod.success) {
    expect(fast.success).toBe(true);
    if (!fast.success) return;
    expect(fast.errors).toEqual([]);
    expect({ ...fast.header, miners: fast.records }).toEqual(zod.data);
    return;
  }
  const first = zod.error.issues[0]!;
  if (first.path[0] !== 'miners' || typeof first.path[1] !== 'number') {
    expect(fast.success).toBe(false);
    if (!fast.success) expect(fast.error.issues[0]).toEqual(first);
    return;
  }
  expect(fast.success).toBe(true);
  if (!fast.success) return;
  const issuesOf = new Map<number, (typeof first)[]>();
  for (const issue of zod.error.issues) issuesOf.set(issue.path[1] as number, [...(issuesOf.get(issue.path[1] as number) ?? []), issue]);
  const reason = (issue: typeof first) => (issue.path.length > 2 ? `${issue.path.slice(2).join('.')}: ${issue.message}` : issue.message);
  expect(fast.errors).toEqual([...issuesOf.keys()].sort((a, b) => a - b).map((index) => ({ index, reason: reason(issuesOf.get(index)![0]!) })));
  const miners = (clone(envelope) as { miners: unknown[] }).miners;
  expect(fast.records).toEqual(miners.map((m, i) => (issuesOf.has(i) ? null : telemetryRecordSchema.parse(m))));
}

const long = (n: number) => 'x'.repeat(n);
const texts = [0, 1, 31, 32, 33, 39, 40, 41, 63, 64, 65, 79, 80, 81, 119, 120, 121, 199, 200, 201, 299, 300, 301, 499, 500, 501, 10_000].map(long);
const nul = ['\u0000', 'S19\u0000Pro', `${long(30)}\u0000`];
const numbers = [0, -0, 1, -1, 1.5, 3.999, 65535, 65536, 2 ** 31, 2 ** 32 - 1, 2 ** 53, 2 ** 53 + 2, -5000, 1e10, 1e12, 1e39, 1e300, -1e300, 5e-324, 1e-300, -1e308, 1e308];
// Each range's own edges and just beyond them.
const edges = [...Object.values(READING_BOUNDS), ...Object.values(COLLECTOR_BOUNDS)].flatMap((r) => [r.min, r.max, r.min - 1, r.max + 1, r.min - 1e-9, r.max * (1 + 1e-12)]);
const notNumbers = ['NaN', 'Infinity', '-Infinity', '1e300', '110'];
const instants = ['2026-11-22T05:29:00Z', '2026-11-22T05:29:00.123+08:00', '2026-11-22T05:29:00', '2026-11-22', '2026-11-22T25:29:00Z', '2026-02-30T00:00:00Z', 'yesterday'];
const macs = ['02:00:00:00:00:07', '02-00-00-00-00-07', 'AA:BB:CC:DD:EE:FF', '02:00:00:00:00', '02:00:00:00:00:0g', '0200.0000.0007'];
const pool = reading.pools![0]!;
const pools = [[], [pool], Array(8).fill(pool), Array(9).fill(pool), [{ ...pool, extra: 1 }], [{ ...pool, url: long(301) }], [{ ...pool, accepted: -1 }], [{ ...pool, rejected: null }], [{ url: 'u', user: 'u', status: 's' }], [null], ['pool']];
const arrays = [[], [1, 2], [-1], [-5000], [1, 'a'], [Number.MAX_VALUE], [1e12], [READING_BOUNDS.fanRpm.max], [READING_BOUNDS.fanRpm.max + 1], Array(16).fill(5000), Array(17).fill(5000), [null], ['NaN']];
const others = [undefined, null, true, false, {}, 'reported', 'model', 'other', ...numbers, ...edges, ...notNumbers, ...texts, ...nul, ...instants, ...macs, ...arrays, ...pools];
const KEYS = Object.keys(wire().miners[0]).concat(['extra', '__proto__', 'constructor']);

const setKey = (target: Record<string, unknown>, key: string, value: unknown) => {
  if (value === undefined) delete target[key];
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

describe('parseTelemetryUpload (fast path ≡ zod, record by record)', () => {
  it('answers as zod does for every field of a record set to each of many values', () => {
    let cases = 0;
    for (const key of KEYS) {
      for (const value of others) {
        const envelope = wire();
        setKey(envelope.miners[0], key, value);
        expectSame(envelope);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(4000);
  });

  it('answers as zod does for every field of a pool set to each of many values', () => {
    for (const key of [...Object.keys(pool), 'extra']) {
      for (const value of others) {
        const envelope = wire();
        setKey(envelope.miners[1].pools[0], key, value);
        expectSame(envelope);
      }
    }
  });

  it('refuses every ranged field just outside its range and takes it at the edges', () => {
    for (const [key, range] of Object.entries(RECORD_RANGES)) {
      for (const [value, ok] of [[range.min, true], [range.max, true], [range.min - 1, false], [range.max + 1, false]] as const) {
        const envelope = wire();
        envelope.miners[0][key] = value;
        const parsed = parseTelemetryUpload(envelope);
        expect(parsed.success && parsed.errors.map((e) => e.index)).toEqual(ok ? [] : [0]);
        if (parsed.success) expect(parsed.records[1]).not.toBeNull();
        expectSame(envelope);
      }
    }
  });

  it('answers as zod does for the envelope around the records', () => {
    for (const key of ['format', 'collected_at', 'edge_version', 'buffer_depth', 'miners', 'extra']) {
      for (const value of [undefined, null, 'telemetry_envelope.v1', 'v0', -1, 0, 1.5, 7, 1e10, 2 ** 31, 1e300, 'NaN', ...edges, long(40), long(41), '1.0\u0000', ...instants, [], [null], [null, wire().miners[0]], {}, Array(5001).fill(wire().miners[0])]) {
        const envelope = wire();
        if (value === undefined) delete envelope[key];
        else envelope[key] = value;
        expectSame(envelope);
      }
    }
    for (const body of [null, [], 'x', 7, {}]) expectSame(body);
  });

  it('takes the fast path for what the collector sends, filling zod defaults', () => {
    const spy = vi.spyOn(telemetryRecordSchema, 'safeParse');
    const envelope = wire();
    delete envelope.miners[1].fans_rpm;
    delete envelope.miners[1].port;
    const parsed = parseTelemetryUpload(envelope);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(parsed.success && parsed.records[1]).toMatchObject({ port: 4028, fans_rpm: [] });
    expectSame(wire());
  });
});
