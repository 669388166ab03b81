import type { Db } from '@/db/client';
import { firstJobRunAt, type JobRunSummary, jobRunSummary } from '@/db/queries/system/job-runs';
import { allCollectorsForHealth, type CollectorStats, collectorStats, type DatabaseStats, databaseStats, type IntegrationStats, integrationStats } from '@/db/queries/system/monitoring';
import type { Scope } from '@/lib/core/scope';
import { type JobHealth, jobHealth } from '@/lib/system/job-health';
import { type SystemSnapshot } from '@/lib/domain/system/thresholds';
import { type InstanceMetrics, instanceMetrics } from '@/lib/observability/metrics';
import type { JobSchedule } from '@/inngest/triggers';

export type JobRow = JobSchedule & { health: JobHealth; run: JobRunSummary | null };

/** Every function, run or not, with its last run and its health against its schedule. */
export function jobRows(schedules: JobSchedule[], runs: JobRunSummary[], now: Date, since: Date | null): JobRow[] {
  const byId = new Map(runs.map((r) => [r.functionId, r]));
  return schedules
    .map((s) => {
      const run = byId.get(s.id) ?? null;
      const health = jobHealth(
        {
          functionId: s.id,
          crons: s.crons,
          lastScheduledFor: run?.lastScheduledFor ?? null,
          lastStartedAt: run?.startedAt ?? null,
          lastFinishedAt: run?.finishedAt ?? null,
          lastOutcome: run?.outcome ?? null,
        },
        now,
        since,
      );
      // The lag is the latest cron run's own, not the latest run's (which can be an event).
      return { ...s, run, health: { ...health, lagMs: run?.lastScheduledFor && run.lastScheduledStartedAt ? Math.max(0, run.lastScheduledStartedAt.getTime() - run.lastScheduledFor.getTime()) : null } };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Since when the scheduler is known to run: its first logged run. A function that never ran is
 * overdue only for a tick after that (a fresh installation's daily jobs wait for their first tick);
 * with no run logged at all (jobs off, or run by an Inngest server whose runs are not logged here)
 * nothing is called overdue for want of a run.
 */
async function schedulerSince(db: Db, now: Date): Promise<Date> {
  return (await firstJobRunAt(db)) ?? now;
}

export type Monitoring = { at: Date; database: DatabaseStats; jobs: JobRow[]; integrations: IntegrationStats[]; collectors: CollectorStats[]; instance: InstanceMetrics };

/** What /system and /api/health/detailed show: the installation's database, jobs and services, the scope's collectors, this instance. */
export async function loadMonitoring(db: Db, scope: Scope, schedules: JobSchedule[], now: Date): Promise<Monitoring> {
  const [database, runs, integrations, collectors, since] = await Promise.all([databaseStats(db), jobRunSummary(db, now), integrationStats(db, now), collectorStats(db, scope, now), schedulerSince(db, now)]);
  return { at: now, database, jobs: jobRows(schedules, runs, now, since), integrations, collectors, instance: instanceMetrics(now) };
}

/** The health check's view: the same figures for the whole installation. */
export async function loadSystemSnapshot(db: Db, schedules: JobSchedule[], now: Date): Promise<SystemSnapshot> {
  const [database, runs, integrations, collectors, since] = await Promise.all([databaseStats(db, 1), jobRunSummary(db, now), integrationStats(db, now), allCollectorsForHealth(db), schedulerSince(db, now)]);
  const instance = instanceMetrics(now);
  return {
    db: { latencyMs: database.latencyMs, connections: database.connections, maxConnections: database.maxConnections },
    jobs: jobRows(schedules, runs, now, since).map((j) => j.health),
    integrations,
    collectors,
    app: { rssBytes: instance.memory.rssBytes, routes: instance.routes },
  };
}
