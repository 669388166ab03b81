import { describe, expect, it } from 'vitest';
import { instanceMetrics, observeExternal, recordCache, recordRoute } from './metrics';

describe('the instance registry', () => {
  it('folds ids into one route, keeps the newest 1,000 samples, counts 5xx as errors', () => {
    for (let i = 1; i <= 1500; i++) recordRoute(`/api/test-route/7f3c1a2b-0c4d-4e5f-8a9b-${String(i).padStart(12, '0')}`, i, i % 100 === 0 ? 503 : 200);
    const r = instanceMetrics().routes.find((x) => x.route === '/api/test-route/:id')!;
    // All 1,500 counted; the window holds 501..1500 → p50 = 1000.5, max 1500.
    expect([r.requests, r.errors, r.count, r.p50Ms, r.maxMs]).toEqual([1500, 15, 1000, 1000.5, 1500]);
    expect(r.errorRate).toBeCloseTo(0.01, 9);
  });

  it('cache hit rate, and a rate of nothing is unknown', () => {
    recordCache('unit', true);
    recordCache('unit', true);
    recordCache('unit', false);
    expect(instanceMetrics().caches.find((c) => c.name === 'unit')).toEqual({ name: 'unit', hits: 2, misses: 1, hitRate: 2 / 3 });
  });

  it('observeExternal records a failure by its message with URLs cut to their host, and re-throws', async () => {
    await expect(observeExternal('svc.test', async () => Promise.reject(new Error('GET https://svc.test/v1?key=abc failed')))).rejects.toThrow('failed');
    const e = instanceMetrics().externals.find((x) => x.integration === 'svc.test')!;
    expect([e.calls, e.errors, e.lastError]).toEqual([1, 1, 'GET svc.test failed']);
  });
});
