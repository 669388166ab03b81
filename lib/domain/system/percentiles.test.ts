import { describe, expect, it } from 'vitest';
import { percentile, ratio, routeKey, summarizeLatency } from './percentiles';

describe('percentile (linear between closest ranks, numpy type 7)', () => {
  it.each([
    [[10, 20, 30, 40], 50, 25],
    [[10, 20, 30, 40], 95, 38.5], // rank 0.95 × 3 = 2.85 → 30 + 0.85 × 10
    [[10, 20, 30, 40], 0, 10],
    [[10, 20, 30, 40], 100, 40],
    [[7], 95, 7],
  ])('%j p%d = %d', (xs, p, want) => expect(percentile(xs, p)).toBeCloseTo(want, 9));

  it('has no percentile of nothing', () => expect(percentile([], 50)).toBeNull());
});

describe('summarizeLatency', () => {
  it('sorts before it ranks', () => {
    // 1..100 shuffled: p50 = 50.5, p95 = 1 + 0.95 × 99 = 95.05, max 100
    const xs = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    expect(summarizeLatency(xs)).toEqual({ count: 100, p50Ms: 50.5, p95Ms: expect.closeTo(95.05, 9), maxMs: 100 });
  });
  it('an empty window is unknown, not zero', () => expect(summarizeLatency([])).toEqual({ count: 0, p50Ms: null, p95Ms: null, maxMs: null }));
});

describe('ratio and routeKey', () => {
  it('ratio of an empty window is null', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });
  it('folds ids, numbers and tokens', () => {
    expect(routeKey('/api/hosting/miners/7f3c1a2b-0c4d-4e5f-8a9b-0123456789ab/commands')).toBe('/api/hosting/miners/:id/commands');
    expect(routeKey('/api/crm/invoices/2026/12')).toBe('/api/crm/invoices/:n/:n');
    expect(routeKey('/api/invite/abcDEF0123456789xyz_-Q')).toBe('/api/invite/:token');
    expect(routeKey('/api/health')).toBe('/api/health');
  });
});
