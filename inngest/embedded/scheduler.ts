import { Cron } from 'croner';
import { claimJobRun, finishJobRun, renewJobRun } from '@/db/queries/system/job-runs';
import type { JobDeps } from '../deps';
import { createJobs } from '../index';
import { inngestRoutes } from '../serve';
import { type DriveOptions, driveRun } from './drive';
import type { LocalEvent } from './local-events';

export type EmbeddedSchedulerOptions = {
  deps: JobDeps;
  /** The key /api/inngest checks: runs go through the same signed handler an Inngest server calls. */
  signingKey: string;
  /** How often the clock is looked at; a cron minute is never missed, only started up to this late. */
  tickMs?: number;
  /** How often a running run renews its claim. */
  heartbeatMs?: number;
  retry?: Pick<DriveOptions, 'maxAttempts' | 'backoffMs'>;
  log?: (line: string) => void;
};

type Fn = { id: string; fullId: string; crons: { expr: string; cron: Cron }[]; events: string[] };
type Work = { fn: Fn; trigger: string; scheduledFor: Date | null; event: LocalEvent };

/** Missed cron times further back than this (a clock jump, a suspended machine) are not looked for. */
const LOOKBACK_MS = 86_400_000;
/** An event's run waits this long for another instance's run of the same function to end. */
const EVENT_WAIT_MS = 5 * 60_000;

/**
 * Every Inngest function, run in this process on its own schedule when no Inngest server is
 * configured (lib/env `jobs.runner`). The functions are the ones /api/inngest serves, run through
 * the same signed handler (drive.ts), so their code and steps are not copied here; this only decides
 * when. Cron expressions are read by croner, as Inngest reads them (UTC, five fields).
 *
 * One run at a time per function: in this process a function that is still running skips its tick;
 * across instances on one database every run first takes a row in `job_runs` (claimJobRun), which
 * the database lets only one of them insert. The row is also the run's log for the health page.
 * Events the functions send (step.sendEvent) start the functions they trigger here too.
 */
export function createEmbeddedScheduler(o: EmbeddedSchedulerOptions) {
  const log = o.log ?? ((line: string) => console.log(line));
  const deps = o.deps;
  const localEvents = (events: LocalEvent[]) => dispatch(events);
  const route = inngestRoutes(async () => deps, { localEvents });
  const handler = (request: Request) => route.POST(request, {});

  const fns: Fn[] = createJobs(deps).functions.map((f) => {
    const triggers = (f.opts.triggers ?? []) as ({ cron: string } | { event: string } | { name: string })[];
    return {
      id: f.opts.id,
      fullId: f.id('hashinsight'),
      crons: triggers.flatMap((t) => ('cron' in t ? [{ expr: t.cron, cron: new Cron(t.cron, { timezone: 'UTC', paused: true }) }] : [])),
      events: triggers.flatMap((t) => ('event' in t ? [t.event] : 'name' in t ? [t.name] : [])),
    };
  });

  const busy = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let checkedUpTo = deps.now();
  let timer: NodeJS.Timeout | undefined;

  async function run(w: Work): Promise<'ran' | 'taken'> {
    const id = await claimJobRun(deps.db, { functionId: w.fn.id, trigger: w.trigger, scheduledFor: w.scheduledFor, now: deps.now() });
    if (!id) return 'taken';
    const beat = setInterval(() => void renewJobRun(deps.db, id, deps.now()).catch(() => {}), o.heartbeatMs ?? 30_000);
    let error: string | null = null;
    try {
      await driveRun({ handler, fnId: w.fn.fullId, event: w.event, signingKey: o.signingKey, ...o.retry });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      log(`[jobs] ${w.fn.id} failed: ${error}`);
    } finally {
      clearInterval(beat);
    }
    await finishJobRun(deps.db, id, deps.now(), error);
    return 'ran';
  }

  function track(p: Promise<void>) {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }

  function startCron(fn: Fn, expr: string, scheduledFor: Date) {
    if (busy.has(fn.id)) {
      log(`[jobs] ${fn.id}: the ${scheduledFor.toISOString()} run is skipped, the previous one is still running`);
      return;
    }
    busy.add(fn.id);
    const work: Work = { fn, trigger: `cron ${expr}`, scheduledFor, event: { name: 'inngest/scheduled.timer', data: { cron: expr } } };
    track(
      run(work)
        .then(() => undefined)
        .catch((e: unknown) => log(`[jobs] ${fn.id}: could not record its run: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => busy.delete(fn.id)),
    );
  }

  /** Starts each function whose cron time came since the last look: once, for the latest such time. */
  function tick(): void {
    const now = deps.now();
    const from = new Date(Math.max(checkedUpTo.getTime(), now.getTime() - LOOKBACK_MS));
    checkedUpTo = now;
    for (const fn of fns) {
      for (const { expr, cron } of fn.crons) {
        let due: Date | null = null;
        for (let next = cron.nextRun(from); next && next <= now; next = cron.nextRun(next)) due = next;
        if (due) startCron(fn, expr, due);
      }
    }
  }

  // Events are queued per function and run one after another, as an Inngest server would.
  const queues = new Map<string, Promise<void>>();
  function dispatch(events: LocalEvent[]): void {
    for (const event of events) {
      for (const fn of fns.filter((f) => f.events.includes(event.name))) {
        const previous = queues.get(fn.id) ?? Promise.resolve();
        const next = previous.then(() => runEvent(fn, event));
        queues.set(fn.id, next);
        track(next);
      }
    }
  }

  async function runEvent(fn: Fn, event: LocalEvent): Promise<void> {
    const until = Date.now() + EVENT_WAIT_MS;
    try {
      while ((await run({ fn, trigger: `event ${event.name}`, scheduledFor: null, event })) === 'taken') {
        if (Date.now() > until) {
          log(`[jobs] ${fn.id}: dropped ${event.name}, another instance's run did not end within ${EVENT_WAIT_MS / 60_000} min`);
          return;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    } catch (e) {
      log(`[jobs] ${fn.id}: could not record its run: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return {
    functions: fns.map((f) => ({ id: f.id, crons: f.crons.map((c) => c.expr), events: f.events })),
    tick,
    dispatch,
    /** Resolves once every run started so far (and the runs their events started) has finished. */
    async idle(): Promise<void> {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    start(): void {
      timer ??= setInterval(tick, o.tickMs ?? 5000);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}

export type EmbeddedScheduler = ReturnType<typeof createEmbeddedScheduler>;
