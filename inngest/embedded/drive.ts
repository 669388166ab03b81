import { createHmac, randomUUID } from 'node:crypto';
import { canonicalJson } from '@/lib/edge/command-signature';

/** The SDK's serve() POST handler, exactly as /api/inngest serves it. */
export type ServeHandler = (request: Request) => Promise<Response>;

type Op = { op: string; id: string; data?: unknown; error?: unknown };
type Memo = { type: 'data'; data: unknown } | { type: 'error'; error: unknown };

export type DriveOptions = {
  handler: ServeHandler;
  /** The function's id as the SDK serves it (`hashinsight-telemetry-rollup-5min`). */
  fnId: string;
  event: { name: string; data: Record<string, unknown> };
  signingKey: string;
  /** Tries per step (and for an error outside any step) before the failure counts. */
  maxAttempts?: number;
  /** Wait before try `attempt + 1`. */
  backoffMs?: (attempt: number) => number;
  /** Called after every request, so a long run can show it is alive. */
  onProgress?: () => Promise<void>;
};

const URL_BASE = 'http://embedded.local/api/inngest';
const MAX_CALLS = 1000;

/** A run that failed: the message the function's error carried (never its stack). */
export class JobRunError extends Error {}

/**
 * Runs one function to its end the way an Inngest server does, through the SDK's own serve handler:
 * signed requests, each running the next step with the results of the steps done so far sent back
 * (memoized), a failed step tried again with the next attempt number, planned (parallel) steps
 * requested one by one. The function, its middleware (dependencies, stackless errors) and its steps
 * run exactly as for Inngest cloud; only the orchestration is here. Sleeps, waits for events and
 * invocations need a server to resume them and fail the run with a message that says so.
 */
export async function driveRun(o: DriveOptions): Promise<unknown> {
  const maxAttempts = o.maxAttempts ?? 3;
  const backoff = o.backoffMs ?? ((attempt: number) => 2000 * 4 ** attempt);
  const event = { ...o.event, id: randomUUID(), ts: Date.now() };
  const runId = randomUUID();
  const steps: Record<string, Memo> = {};
  let attempt = 0;

  const call = async (stepId: string) => {
    const stack = Object.keys(steps);
    const body = canonicalJson({
      event,
      events: [event],
      steps,
      ctx: { run_id: runId, attempt, max_attempts: maxAttempts, disable_immediate_execution: false, use_api: false, stack: { stack, current: stack.length - 1 } },
      version: 2,
    });
    const res = await o.handler(
      new Request(`${URL_BASE}?fnId=${encodeURIComponent(o.fnId)}&stepId=${encodeURIComponent(stepId)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-inngest-signature': sign(body, o.signingKey) },
        body,
      }),
    );
    const text = await res.text();
    await o.onProgress?.();
    return { status: res.status, text, noRetry: res.headers.get('x-inngest-no-retry') === 'true' };
  };

  const retry = async (message: string) => {
    if (attempt + 1 >= maxAttempts) throw new JobRunError(message);
    await new Promise((r) => setTimeout(r, backoff(attempt)));
    attempt++;
  };

  // 'step' asks the SDK for whatever comes next; a planned step is asked for by its id.
  const pending: string[] = [];
  for (let calls = 0; calls < MAX_CALLS; calls++) {
    const res = await call(pending[0] ?? 'step');
    if (res.status === 200) return JSON.parse(res.text) as unknown;
    if (res.status !== 206) {
      const message = errorMessage(safeJson(res.text)) ?? `the function answered ${res.status}`;
      if (res.noRetry || res.status < 500) throw new JobRunError(message);
      await retry(message);
      continue;
    }
    const ops = JSON.parse(res.text) as Op[];
    const failed = ops.find((op) => op.op === 'StepError');
    if (failed) {
      // A retriable failure: the same step again, with the next attempt number.
      await retry(errorMessage(failed.error) ?? 'a step failed');
      continue;
    }
    pending.shift();
    for (const op of ops) {
      switch (op.op) {
        case 'RunComplete':
          return op.data;
        case 'StepRun':
        case 'Step':
          steps[op.id] = { type: 'data', data: op.data ?? null };
          attempt = 0;
          break;
        case 'StepFailed':
          // The last try failed too: the function gets the step's error and decides.
          steps[op.id] = { type: 'error', error: op.error };
          attempt = 0;
          break;
        case 'StepPlanned':
          if (!pending.includes(op.id)) pending.push(op.id);
          break;
        default:
          throw new JobRunError(`${op.op} needs an Inngest server: the embedded scheduler runs step.run and step.sendEvent only`);
      }
    }
  }
  throw new JobRunError(`did not finish in ${MAX_CALLS} requests`);
}

/** X-Inngest-Signature as Inngest computes it: HMAC-SHA256 of body + timestamp, keyed by the key without its `signkey-…-` prefix. */
function sign(body: string, signingKey: string): string {
  const at = Math.floor(Date.now() / 1000);
  return `t=${at}&s=${createHmac('sha256', signingKey.replace(/^signkey-\w+-/, '')).update(body + at).digest('hex')}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 200);
  }
}

function errorMessage(error: unknown): string | undefined {
  if (error && typeof error === 'object') {
    const e = error as { name?: unknown; message?: unknown; error?: unknown };
    if (typeof e.message === 'string') return typeof e.name === 'string' && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message;
    if (typeof e.error === 'string') return e.error;
  }
  return typeof error === 'string' && error ? error : undefined;
}
