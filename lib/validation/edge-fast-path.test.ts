import { describe, expect, it, vi } from 'vitest';
import { buildEnvelope } from '@/lib/edge/envelope';
import type { MinerReading } from '@/lib/edge/types';
import { telemetryEnvelopeSchema } from './edge';
import { parseTelemetryEnvelope } from './edge-fast-path';

const reading: MinerReading = {
  ip: '10.0.0.7', port: 4028, collectedAt: '2026-11-22T05:29:00.000Z', online: true, error: null, vendor: 'antminer', model: 'Antminer S19 Pro',
  firmware: 'bmminer 1.0', macAddress: '02:00:00:00:00:07', hashrate5sThs: 110.2, hashrateAvgThs: 109.5, hashrateNominalThs: 110, tempChipMaxC: 78,
  tempBoardMaxC: 70, tempInletC: 25, tempOutletC: 55, fansRpm: [5400, 5520], powerW: 3250, powerSource: 'reported', accepted: 1000, rejected: 3,
  hardwareErrors: 1, uptimeS: 86400, pools: [{ url: 'stratum+tcp://pool.example:3333', user: 'acct.w1', status: 'Alive', accepted: 1000, rejected: 3 }],
};
const wire = () => JSON.parse(JSON.stringify(buildEnvelope([reading, { ...reading, macAddress: null, port: 4029 }], { collectedAt: reading.collectedAt, edgeVersion: '1.0.0', bufferDepth: 0 })));
const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** Both answers for the same input (each on its own copy: the fast path fills defaults in place). */
function both(envelope: unknown) {
  const fast = parseTelemetryEnvelope(clone(envelope));
  const zod = telemetryEnvelopeSchema.safeParse(clone(envelope));
  return { fast, zod };
}
function expectSame(envelope: unknown) {
  const { fast, zod } = both(envelope);
  expect(fast.success).toBe(zod.success);
  if (fast.success && zod.success) expect(fast.data).toEqual(zod.data);
  if (!fast.success && !zod.success) expect(fast.error.issues[0]).toEqual(zod.error.issues[0]);
}

const long = (n: number) => 'x'.repeat(n);
const texts = [0, 1, 31, 32, 33, 39, 40, 41, 63, 64, 65, 79, 80, 81, 119, 120, 121, 199, 200, 201, 299, 300, 301, 499, 500, 501].map(long);
const numbers = [0, -0, 1, -1, 1.5, 3.999, 65535, 65536, 2 ** 53, 2 ** 53 + 2, -1e308, 1e308];
const instants = ['2026-11-22T05:29:00Z', '2026-11-22T05:29:00.123+08:00', '2026-11-22T05:29:00', '2026-11-22', '2026-11-22T25:29:00Z', 'yesterday'];
const macs = ['02:00:00:00:00:07', '02-00-00-00-00-07', 'AA:BB:CC:DD:EE:FF', '02:00:00:00:00', '02:00:00:00:00:0g', '0200.0000.0007'];
const pool = reading.pools![0]!;
const pools = [[], [pool], Array(8).fill(pool), Array(9).fill(pool), [{ ...pool, extra: 1 }], [{ ...pool, url: long(301) }], [{ ...pool, accepted: -1 }], [{ ...pool, rejected: null }], [{ url: 'u', user: 'u', status: 's' }], [null], ['pool']];
const arrays = [[], [1, 2], [-1], [1, 'a'], [Number.MAX_VALUE], Array(16).fill(5000), Array(17).fill(5000), [null]];
const others = [undefined, null, true, false, {}, 'reported', 'model', 'other', ...numbers, ...texts, ...instants, ...macs, ...arrays, ...pools];
const KEYS = Object.keys(wire().miners[0]).concat(['extra', '__proto__', 'constructor']);

describe('parseTelemetryEnvelope (fast path ≡ zod)', () => {
  it('answers as zod does for every field of a record set to each of many values', () => {
    let cases = 0;
    for (const key of KEYS) {
      for (const value of others) {
        const envelope = wire();
        if (value === undefined) delete envelope.miners[0][key];
        else Object.defineProperty(envelope.miners[0], key, { value, enumerable: true, writable: true, configurable: true });
        expectSame(envelope);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(2000);
  });

  it('answers as zod does for the envelope around the records', () => {
    for (const key of ['format', 'collected_at', 'edge_version', 'buffer_depth', 'miners', 'extra']) {
      for (const value of [undefined, null, 'telemetry_envelope.v1', 'v0', -1, 0, 1.5, 7, long(40), long(41), ...instants, [], [null], {}, Array(5001).fill(wire().miners[0])]) {
        const envelope = wire();
        if (value === undefined) delete envelope[key];
        else envelope[key] = value;
        expectSame(envelope);
      }
    }
    for (const body of [null, [], 'x', 7, {}]) expectSame(body);
  });

  it('takes the fast path for what the collector sends, filling zod defaults', () => {
    const spy = vi.spyOn(telemetryEnvelopeSchema, 'safeParse');
    const envelope = wire();
    delete envelope.miners[1].fans_rpm;
    delete envelope.miners[1].port;
    const parsed = parseTelemetryEnvelope(envelope);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(parsed.success && parsed.data.miners[1]).toMatchObject({ port: 4028, fans_rpm: [] });
    expectSame(wire());
  });
});
