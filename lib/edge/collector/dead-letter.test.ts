import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeadLetterStore } from './dead-letter';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'hi-dlq-'));
  dirs.push(d);
  return d;
};
const refusal = { rejectedAt: '2026-11-22T05:00:00.000Z', status: 400, answer: { error: { code: 'VALIDATION' } } };

describe('DeadLetterStore', () => {
  it('is bounded by count: the oldest go with their reasons, and the drop is logged', () => {
    const dir = tempDir();
    const logs: unknown[] = [];
    const store = new DeadLetterStore(dir, { maxEnvelopes: 3, maxBytes: 1 << 20 }, (_level, msg, fields) => logs.push({ msg, ...fields }));
    for (let i = 0; i < 5; i++) store.add(Buffer.alloc(100, i), refusal);
    expect(store.stats()).toEqual({ count: 3, bytes: 300 });
    expect(readdirSync(dir).sort()).toEqual(['000000000003.json.gz', '000000000003.reason.json', '000000000004.json.gz', '000000000004.reason.json', '000000000005.json.gz', '000000000005.reason.json']);
    expect(logs).toEqual([
      { msg: 'dead-letter store full: dropped oldest envelopes', dropped: 1, kept: 3, bytes: 300 },
      { msg: 'dead-letter store full: dropped oldest envelopes', dropped: 1, kept: 3, bytes: 300 },
    ]);
  });

  it('is bounded by bytes, and after a restart counts what is on disk and numbers on from it', () => {
    const dir = tempDir();
    const store = new DeadLetterStore(dir, { maxEnvelopes: 100, maxBytes: 10_000 }, () => {});
    for (let i = 0; i < 3; i++) store.add(Buffer.alloc(4000), refusal);
    expect(store.stats()).toEqual({ count: 2, bytes: 8000 });
    const again = new DeadLetterStore(dir, { maxEnvelopes: 100, maxBytes: 10_000 }, () => {});
    expect(again.stats()).toEqual({ count: 2, bytes: 8000 });
    again.add(Buffer.alloc(10), refusal);
    expect(readdirSync(dir).filter((f) => f.endsWith('.json.gz')).sort()).toEqual(['000000000002.json.gz', '000000000003.json.gz', '000000000004.json.gz']);
  });
});
