import type { JobHealth } from './job-state';

/**
 * When the system health check raises a finding. Each threshold is stated where the page shows the
 * figure, so an operator can tell why something is amber.
 */
export const SYSTEM_THRESHOLDS = {
  dbLatencyWarnMs: 250,
  dbLatencyCriticalMs: 1000,
  dbConnectionsWarnShare: 0.8,
  /** A late job is critical past an hour overdue. */
  jobOverdueCriticalMs: 3_600_000,
  integrationErrorRateWarn: 0.5,
  integrationMinCalls: 4,
  collectorSilentWarnMs: 10 * 60_000,
  collectorSilentCriticalMs: 60 * 60_000,
  collectorBufferWarn: 1000,
  memoryRssWarnBytes: 1.5 * 1024 ** 3,
  routeErrorRateWarn: 0.05,
  routeMinRequests: 20,
} as const;

export type SystemFindingKind = 'db_latency' | 'db_connections' | 'job_late' | 'job_failed' | 'integration_errors' | 'collector_silent' | 'collector_buffer' | 'memory' | 'route_errors';
export type SystemFinding = { kind: SystemFindingKind; subject: string; orgId: string | null; severity: 'warning' | 'critical'; detail: Record<string, string | number | null> };

export type SystemSnapshot = {
  db: { latencyMs: number; connections: number | null; maxConnections: number | null };
  jobs: JobHealth[];
  integrations: { integration: string; calls24h: number; errorRate24h: number | null }[];
  collectors: { deviceId: string; orgId: string; name: string; lastSeenAt: Date | null; bufferDepth: number | null; revoked: boolean }[];
  app: { rssBytes: number; routes: { route: string; requests: number; errorRate: number | null }[] };
};

/** Pure: the findings a snapshot shows, against SYSTEM_THRESHOLDS. A value we do not have raises nothing. */
export function systemFindings(s: SystemSnapshot, now: Date, t = SYSTEM_THRESHOLDS): SystemFinding[] {
  const out: SystemFinding[] = [];
  const add = (kind: SystemFindingKind, subject: string, severity: SystemFinding['severity'], detail: SystemFinding['detail'], orgId: string | null = null) => out.push({ kind, subject, orgId, severity, detail });

  if (s.db.latencyMs >= t.dbLatencyWarnMs) add('db_latency', 'database', s.db.latencyMs >= t.dbLatencyCriticalMs ? 'critical' : 'warning', { latencyMs: Math.round(s.db.latencyMs), thresholdMs: t.dbLatencyWarnMs });
  if (s.db.connections !== null && s.db.maxConnections) {
    const share = s.db.connections / s.db.maxConnections;
    if (share >= t.dbConnectionsWarnShare) add('db_connections', 'database', 'warning', { connections: s.db.connections, max: s.db.maxConnections });
  }
  for (const j of s.jobs) {
    if ((j.state === 'late' || j.state === 'never') && j.overdueMs !== null) {
      add('job_late', j.functionId, j.overdueMs >= t.jobOverdueCriticalMs ? 'critical' : 'warning', { dueTick: j.dueTick?.toISOString() ?? null, overdueMin: Math.round(j.overdueMs / 60_000) });
    }
    if (j.state === 'failed') add('job_failed', j.functionId, 'warning', {});
  }
  for (const i of s.integrations) {
    if (i.errorRate24h !== null && i.calls24h >= t.integrationMinCalls && i.errorRate24h >= t.integrationErrorRateWarn) {
      add('integration_errors', i.integration, i.errorRate24h >= 1 ? 'critical' : 'warning', { errorPct: Math.round(i.errorRate24h * 100), calls: i.calls24h });
    }
  }
  for (const c of s.collectors) {
    if (c.revoked) continue;
    // A collector that never uploaded is a setup step, not an outage.
    if (c.lastSeenAt) {
      const silentMs = now.getTime() - c.lastSeenAt.getTime();
      if (silentMs >= t.collectorSilentWarnMs) add('collector_silent', c.deviceId, silentMs >= t.collectorSilentCriticalMs ? 'critical' : 'warning', { name: c.name, silentMin: Math.round(silentMs / 60_000) }, c.orgId);
    }
    if (c.bufferDepth !== null && c.bufferDepth >= t.collectorBufferWarn) add('collector_buffer', c.deviceId, 'warning', { name: c.name, bufferDepth: c.bufferDepth }, c.orgId);
  }
  if (s.app.rssBytes >= t.memoryRssWarnBytes) add('memory', 'app', 'warning', { rssMb: Math.round(s.app.rssBytes / 1024 ** 2) });
  for (const r of s.app.routes) {
    if (r.errorRate !== null && r.requests >= t.routeMinRequests && r.errorRate >= t.routeErrorRateWarn) add('route_errors', r.route, 'warning', { errorPct: Math.round(r.errorRate * 1000) / 10, requests: r.requests });
  }
  return out;
}
