import { createHmac, randomUUID } from 'node:crypto';
import { canonicalJson } from '@/lib/edge/command-signature';
import type { Client } from './instances';

type Op = { op: string; id: string; data?: unknown; error?: unknown };

/**
 * What the Inngest server does to run one of the app's functions on an instance: signed POSTs to its
 * /api/inngest, each running the next step, with the results of the steps done so far sent back
 * (memoized) until the function returns. Sequential steps only, which is all the jobs used here have.
 */
export async function runThroughInngest(client: Client, base: string, functionId: string, signingKey: string): Promise<unknown> {
  const event = { name: 'inngest/scheduled.timer', data: { cron: 'manual' }, id: randomUUID(), ts: Date.now() };
  const runId = randomUUID();
  const steps: Record<string, { type: 'data'; data: unknown }> = {};
  for (let call = 0; call < 100; call++) {
    const stack = Object.keys(steps);
    const body = canonicalJson({
      event,
      events: [event],
      steps,
      ctx: { run_id: runId, attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack, current: stack.length - 1 } },
      version: 2,
    });
    const at = Math.floor(Date.now() / 1000);
    const mac = createHmac('sha256', signingKey).update(body + at).digest('hex');
    const res = await client.send(base, `/api/inngest?fnId=hashinsight-${functionId}&stepId=step`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-inngest-signature': `t=${at}&s=${mac}` },
      body,
    });
    if (res.status === 200) return JSON.parse(res.text);
    if (res.status !== 206) throw new Error(`${functionId}: /api/inngest answered ${res.status} ${res.text}`);
    for (const op of JSON.parse(res.text) as Op[]) {
      if (op.op !== 'StepRun') throw new Error(`${functionId}: step ${op.op} ${JSON.stringify(op.error ?? op.data)}`);
      steps[op.id] = { type: 'data', data: op.data };
    }
  }
  throw new Error(`${functionId}: did not finish in 100 calls`);
}
