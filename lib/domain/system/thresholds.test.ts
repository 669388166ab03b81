import { describe, expect, it } from 'vitest';
import type { JobHealth } from './job-state';
import { type SystemSnapshot, systemFindings } from './thresholds';

const now = new Date('2026-12-07T10:00:00Z');
const quiet: SystemSnapshot = { db: { latencyMs: 3, connections: 5, maxConnections: 100 }, jobs: [], integrations: [], collectors: [], app: { rssBytes: 300 * 1024 ** 2, routes: [] } };
const job = (p: Partial<JobHealth>): JobHealth => ({ functionId: 'power-hourly', dueTick: new Date('2026-12-07T09:05:00Z'), lagMs: null, state: 'ok', overdueMs: null, ...p });

describe('systemFindings', () => {
  it('a healthy installation raises nothing', () => expect(systemFindings(quiet, now)).toEqual([]));

  it.each([
    [{ db: { latencyMs: 249, connections: 79, maxConnections: 100 } }, []],
    [{ db: { latencyMs: 250, connections: 5, maxConnections: 100 } }, [['db_latency', 'warning']]],
    [{ db: { latencyMs: 1200, connections: 80, maxConnections: 100 } }, [['db_latency', 'critical'], ['db_connections', 'warning']]],
    // PGlite: connections unknown → nothing, not an alarm
    [{ db: { latencyMs: 1, connections: null, maxConnections: null } }, []],
  ] as const)('database %j', (patch, want) => {
    expect(systemFindings({ ...quiet, ...patch }, now).map((f) => [f.kind, f.severity])).toEqual(want);
  });

  it('a job 55 min overdue is a warning, 61 min critical; a failed run a warning', () => {
    const f = systemFindings({ ...quiet, jobs: [job({ state: 'late', overdueMs: 55 * 60_000 }), job({ functionId: 'power-daily', state: 'never', overdueMs: 61 * 60_000 }), job({ functionId: 'forecast-daily', state: 'failed' })] }, now);
    expect(f.map((x) => [x.kind, x.subject, x.severity, x.detail.overdueMin ?? null])).toEqual([
      ['job_late', 'power-hourly', 'warning', 55],
      ['job_late', 'power-daily', 'critical', 61],
      ['job_failed', 'forecast-daily', 'warning', null],
    ]);
  });

  it('integrations: 2 of 4 failing warns, 3 of 3 is under the minimum, 4 of 4 critical', () => {
    const f = systemFindings({ ...quiet, integrations: [{ integration: 'a', calls24h: 4, errorRate24h: 0.5 }, { integration: 'b', calls24h: 3, errorRate24h: 1 }, { integration: 'c', calls24h: 4, errorRate24h: 1 }] }, now);
    expect(f.map((x) => [x.subject, x.severity])).toEqual([['a', 'warning'], ['c', 'critical']]);
  });

  it('collectors: silent 9 min no, 10 min warning, 60 min critical; revoked and never-seen ignored; deep buffer', () => {
    const ago = (min: number) => new Date(now.getTime() - min * 60_000);
    const c = (deviceId: string, lastSeenAt: Date | null, extra: Partial<SystemSnapshot['collectors'][number]> = {}) => ({ deviceId, orgId: 'o1', name: deviceId, lastSeenAt, bufferDepth: 0, revoked: false, ...extra });
    const f = systemFindings({ ...quiet, collectors: [c('a', ago(9)), c('b', ago(10)), c('c', ago(60)), c('d', ago(600), { revoked: true }), c('e', null), c('f', ago(1), { bufferDepth: 1000 })] }, now);
    expect(f.map((x) => [x.kind, x.subject, x.severity, x.orgId])).toEqual([
      ['collector_silent', 'b', 'warning', 'o1'],
      ['collector_silent', 'c', 'critical', 'o1'],
      ['collector_buffer', 'f', 'warning', 'o1'],
    ]);
  });

  it('memory and route error rates', () => {
    const f = systemFindings({ ...quiet, app: { rssBytes: 2 * 1024 ** 3, routes: [{ route: '/api/x', requests: 20, errorRate: 0.05 }, { route: '/api/y', requests: 19, errorRate: 1 }] } }, now);
    expect(f.map((x) => [x.kind, x.subject, x.detail.rssMb ?? x.detail.errorPct])).toEqual([['memory', 'app', 2048], ['route_errors', '/api/x', 5]]);
  });
});
