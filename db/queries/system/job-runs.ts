import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../client';
import { jobRuns } from '../../schema';

/** A run whose heartbeat is older than this is taken to have died with its instance. */
export const JOB_LEASE_MS = 2 * 60_000;
/** How long finished runs are kept for the health page. */
const KEEP_MS = 14 * 86_400_000;
/** The stored error: a message, cut to a length a table cell can show. */
const ERROR_CHARS = 1000;

type Claim = { functionId: string; trigger: string; scheduledFor: Date | null; now: Date };

/**
 * Takes the run: a row that no other instance can also insert — the same cron tick is taken once, and
 * a function with an unfinished run gets no second one. First closes a run whose instance stopped
 * renewing its heartbeat, so a crash does not hold the function forever. Returns the run's id, or
 * null when the tick was taken or a run is still going.
 */
export async function claimJobRun(db: Db, c: Claim): Promise<string | null> {
  await db
    .update(jobRuns)
    .set({ finishedAt: c.now, outcome: 'failed', error: 'abandoned: its instance stopped before the run finished' })
    .where(and(eq(jobRuns.functionId, c.functionId), isNull(jobRuns.finishedAt), lt(jobRuns.heartbeatAt, new Date(c.now.getTime() - JOB_LEASE_MS))));
  const rows = await db
    .insert(jobRuns)
    .values({ functionId: c.functionId, trigger: c.trigger, scheduledFor: c.scheduledFor, startedAt: c.now, heartbeatAt: c.now })
    .onConflictDoNothing()
    .returning({ id: jobRuns.id });
  return rows[0]?.id ?? null;
}

export async function renewJobRun(db: Db, id: string, now: Date): Promise<void> {
  await db.update(jobRuns).set({ heartbeatAt: now }).where(and(eq(jobRuns.id, id), isNull(jobRuns.finishedAt)));
}

export async function finishJobRun(db: Db, id: string, now: Date, error: string | null): Promise<void> {
  await db
    .update(jobRuns)
    .set({ finishedAt: now, heartbeatAt: now, outcome: error === null ? 'ok' : 'failed', error: error?.slice(0, ERROR_CHARS) ?? null })
    .where(eq(jobRuns.id, id));
  await db.delete(jobRuns).where(lt(jobRuns.startedAt, new Date(now.getTime() - KEEP_MS)));
}

export type JobRunSummary = {
  functionId: string;
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string;
  error: string | null;
  runs24h: number;
  failed24h: number;
  /** The newest cron tick this function ran for, and when that run started (lag against the schedule). */
  lastScheduledFor: Date | null;
  lastScheduledStartedAt: Date | null;
  /** Mean run time over the last 24 h's finished runs (ms). */
  meanDurationMs24h: number | null;
};

/** Per function: its latest run, and its runs and failures over the last 24 h. Installation-wide, as the jobs are. */
export async function jobRunSummary(db: Db, now: Date): Promise<JobRunSummary[]> {
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const rows = await queryRows<{
    function_id: string;
    trigger: string;
    started_at: string | Date;
    finished_at: string | Date | null;
    outcome: string;
    error: string | null;
    runs: number;
    failed: number;
    tick: string | Date | null;
    tick_started: string | Date | null;
    mean_ms: number | null;
  }>(
    db,
    sql`select last.function_id, last.trigger, last.started_at, last.finished_at, last.outcome, last.error,
        (select count(*)::int from job_runs r where r.function_id = last.function_id and r.started_at >= ${since}::timestamptz) as runs,
        (select count(*)::int from job_runs r where r.function_id = last.function_id and r.started_at >= ${since}::timestamptz and r.outcome = 'failed') as failed,
        (select avg(extract(epoch from r.finished_at - r.started_at) * 1000)::float8 from job_runs r
          where r.function_id = last.function_id and r.started_at >= ${since}::timestamptz and r.finished_at is not null) as mean_ms,
        tick.scheduled_for as tick, tick.started_at as tick_started
      from (select distinct on (function_id) * from job_runs order by function_id, started_at desc) last
      left join lateral (select r.scheduled_for, r.started_at from job_runs r
        where r.function_id = last.function_id and r.scheduled_for is not null order by r.scheduled_for desc limit 1) tick on true
      order by last.function_id`,
  );
  return rows.map((r) => ({
    functionId: r.function_id,
    trigger: r.trigger,
    startedAt: new Date(r.started_at),
    finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
    outcome: r.outcome,
    error: r.error,
    runs24h: r.runs,
    failed24h: r.failed,
    lastScheduledFor: r.tick === null ? null : new Date(r.tick),
    lastScheduledStartedAt: r.tick_started === null ? null : new Date(r.tick_started),
    meanDurationMs24h: r.mean_ms === null ? null : Number(r.mean_ms),
  }));
}

/** The newest runs of one function, newest first (tests and the health page's detail). */
export async function recentJobRuns(db: Db, functionId: string, limit = 20) {
  return db.select().from(jobRuns).where(eq(jobRuns.functionId, functionId)).orderBy(desc(jobRuns.startedAt)).limit(limit);
}

/** When the oldest kept run started (runs are kept 14 days), or null when none is logged. */
export async function firstJobRunAt(db: Db): Promise<Date | null> {
  const [row] = await queryRows<{ at: string | Date | null }>(db, sql`select min(started_at) as at from job_runs`);
  return row?.at ? new Date(row.at) : null;
}
