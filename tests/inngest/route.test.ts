import { createHash, createHmac } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { hitRateLimit, peekRateLimit } from '@/db/queries/auth/rate-limit';
import { canonicalJson } from '@/lib/edge/command-signature';
import { createTestDb } from '../helpers/db';
import { testJobDeps } from '../helpers/jobs';

// The app as `npm run app` starts it: a production build on the embedded database with no Inngest
// configuration at all. Set before anything reads lib/env.
const dataDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? '/tmp'}/hi-inngest-route-${process.pid}-${Date.now()}`;
  Object.assign(process.env, { NODE_ENV: 'production', DATA_DIR: dir });
  for (const k of ['DATABASE_URL', 'AUTH_SECRET', 'INNGEST_SIGNING_KEY', 'INNGEST_DEV', 'INNGEST_EVENT_KEY']) delete process.env[k];
  return dir;
});

const { inngestRoutes } = await import('@/inngest/serve');

let db: Db;
let drop: () => Promise<void>;
// What app/api/inngest/route.ts serves, with the jobs on the test's database instead of the app's.
const { GET, POST, PUT } = inngestRoutes(async () => testJobDeps({ db }));

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
});
afterAll(async () => {
  await drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const FN = 'hashinsight-system-purge-rate-limits';
const URL_BASE = 'http://127.0.0.1:3000/api/inngest';
const stepId = (id: string) => createHash('sha1').update(id).digest('hex');

/** What Inngest sends to run the purge job, with the step results it has memoized so far; canonical JSON is what it signs (RFC 8785 for these values). */
function runBody(steps: Record<string, unknown>): string {
  const event = { name: 'inngest/scheduled.timer', data: { cron: '17 * * * *' }, id: 'evt-1', ts: Date.now() };
  const memo = Object.fromEntries(Object.entries(steps).map(([id, data]) => [stepId(id), { type: 'data', data }]));
  return canonicalJson({ event, events: [event], steps: memo, ctx: { run_id: 'run-1', attempt: 0, disable_immediate_execution: false, use_api: false, stack: { stack: Object.keys(memo), current: Object.keys(memo).length - 1 } }, version: 2 });
}

/** X-Inngest-Signature as Inngest computes it: HMAC-SHA256 of body + timestamp, keyed by the key without its `signkey-…-` prefix. */
function sign(body: string, key: string, at = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', key.replace(/^signkey-\w+-/, '')).update(body + at).digest('hex');
  return `t=${at}&s=${mac}`;
}

const generatedKey = () => readFileSync(path.join(dataDir, 'inngest-signing-key'), 'utf8').trim();

async function call(method: 'GET' | 'POST' | 'PUT', body: string | undefined, signature?: string, query = `?fnId=${FN}&stepId=step`) {
  const handler = { GET, POST, PUT }[method];
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature) headers['x-inngest-signature'] = signature;
  const res = await handler(new Request(URL_BASE + query, { method, headers, body }), {});
  return { status: res.status, text: await res.text() };
}

async function seedLocks() {
  const now = new Date();
  await hitRateLimit(db, 'login:victim@example.test', 900, now);
  await hitRateLimit(db, 'stale', 900, new Date(now.getTime() - 3 * 24 * 3600 * 1000));
  return now;
}

// The exploit from the issue: a made-up `cutoff` far in the future makes the purge delete every window.
const forged = () => runBody({ cutoff: '2100-01-01T00:00:00.000Z' });

describe('/api/inngest in production on the embedded database (no Inngest configuration)', () => {
  it('refuses an unsigned run with a forged step result, and the login lock stays', async () => {
    const now = await seedLocks();
    const res = await call('POST', forged());
    expect(res.status).toBe(401);
    expect(await peekRateLimit(db, 'login:victim@example.test', 900, now)).not.toBeNull();
  });

  it('refuses a run signed with another key, or with an expired signature', async () => {
    const now = await seedLocks();
    const body = forged();
    expect((await call('POST', body, sign(body, 'a'.repeat(64)))).status).toBe(401);
    expect((await call('POST', body, sign(body, generatedKey(), Math.floor(Date.now() / 1000) - 600))).status).toBe(401);
    // Signed for another body: the forged step results are not what was signed.
    expect((await call('POST', body, sign(runBody({}), generatedKey()))).status).toBe(401);
    expect(await peekRateLimit(db, 'login:victim@example.test', 900, now)).not.toBeNull();
  });

  it('refuses unsigned introspection and syncs', async () => {
    expect((await call('GET', undefined, undefined, '')).status).toBe(401);
    expect((await call('PUT', '', undefined, '')).status).toBe(401);
    const malformed = await call('POST', '{"event":');
    expect(malformed).toEqual({ status: 400, text: JSON.stringify({ error: { code: 'VALIDATION', message: 'Malformed JSON body' } }) });
  });

  it('runs a call signed with the key generated into the data folder', async () => {
    const key = generatedKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const now = await seedLocks();
    const first = runBody({});
    const ran = await call('POST', first, sign(first, key));
    expect(ran.status).toBe(206);
    const [op] = JSON.parse(ran.text) as { id: string; data: string }[];
    expect(op!.id).toBe(stepId('cutoff'));

    const second = runBody({ cutoff: op!.data });
    const deleted = await call('POST', second, sign(second, key));
    expect(deleted.status).toBe(206);
    expect(JSON.parse(deleted.text)[0].data).toBeGreaterThanOrEqual(1);
    expect(await peekRateLimit(db, 'stale', 900, new Date(now.getTime() - 3 * 24 * 3600 * 1000))).toBeNull();
    expect(await peekRateLimit(db, 'login:victim@example.test', 900, now)).not.toBeNull();
  });

  it('answers a failing job without a stack trace or a server path', async () => {
    const body = runBody({ cutoff: 'not a date' });
    const res = await call('POST', body, sign(body, generatedKey()));
    expect(res.status).toBe(206);
    expect(JSON.parse(res.text)[0]).toMatchObject({ op: 'StepError', error: { name: 'RangeError', message: 'Invalid time value', stack: '' } });
    expect(res.text).not.toMatch(/\n\s+at |\\n\s+at /);
    expect(res.text).not.toContain(process.cwd());
  });
});
