import { describe, expect, it } from 'vitest';
import { poolDigestMessage } from './pool-digest';

const at = new Date('2026-12-06T10:00:00.000Z');
const alerts = [
  { kind: 'worker_offline' as const, subject: 'sub-a/a-1', openedAt: at },
  { kind: 'low_hashrate' as const, subject: 'sub-a/a-2', openedAt: at, detail: { hs1h: '40000000000000', hs1d: '100000000000000', thresholdPct: 50 } },
  { kind: 'worker_offline' as const, subject: 'sub-a/a-3', openedAt: at },
];

describe('poolDigestMessage', () => {
  it('counts by kind in the subject and lists each alert, in English', () => {
    const m = poolDigestMessage({ locale: 'en', alerts });
    expect(m.subject).toBe('Pool alerts: 2 worker offline, 1 low hashrate');
    expect(m.text.split('\n')).toEqual(['worker offline\tsub-a/a-1\t2026-12-06T10:00:00.000Z', 'low hashrate\tsub-a/a-2\t2026-12-06T10:00:00.000Z\tlast hour 40 TH/s, under 50% of its 24 h average (100 TH/s)', 'worker offline\tsub-a/a-3\t2026-12-06T10:00:00.000Z']);
  });

  it('in Chinese', () => {
    const m = poolDigestMessage({ locale: 'zh', alerts });
    expect(m.subject).toBe('矿池告警：矿工离线 2 条，算力偏低 1 条');
    expect(m.text.split('\n')[0]).toBe('矿工离线\tsub-a/a-1\t2026-12-06T10:00:00.000Z');
  });

  it('states the threshold of a low-hashrate alert, also without its rates', () => {
    expect(poolDigestMessage({ locale: 'zh', alerts: [alerts[1]!] }).text).toBe('算力偏低\tsub-a/a-2\t2026-12-06T10:00:00.000Z\t最近 1 小时 40 TH/s，低于其 24 小时平均（100 TH/s）的 50%');
    expect(poolDigestMessage({ locale: 'en', alerts: [{ ...alerts[1]!, detail: {} }] }).text.endsWith('\tunder 50% of its 24 h average')).toBe(true);
  });

  it('lists 50 and counts the rest, with the locale’s grouping', () => {
    const many = Array.from({ length: 1_250 }, (_, i) => ({ kind: 'low_hashrate' as const, subject: `w-${i}`, openedAt: at }));
    const en = poolDigestMessage({ locale: 'en', alerts: many });
    expect(en.subject).toBe('Pool alerts: 1,250 low hashrate');
    expect(en.text.split('\n')).toHaveLength(51);
    expect(en.text.endsWith('\n… and 1,200 more')).toBe(true);
    expect(poolDigestMessage({ locale: 'zh', alerts: many }).text.endsWith('\n……另有 1,200 条')).toBe(true);
  });
});
