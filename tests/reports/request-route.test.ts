import { signedIn } from '../helpers/signed-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { getReportRun } from '@/db/queries/reports/runs';
import { generateReportRun } from '@/lib/reports/generate';
import type { Role } from '@/lib/core/roles';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeUser } from '../helpers/fixtures';
import { MONTH, seedReportMonth } from './report-fixture';

const { requestReportAction } = await import('@/lib/actions/reports/request-report');
const download = await import('@/app/api/reports/[id]/route');

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof seedReportMonth>>;
const users: Partial<Record<'client' | 'other' | 'owner' | 'guest', string>> = {};

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  f = await seedReportMonth(db);
  for (const [k, role] of [['client', 'CLIENT'], ['other', 'CLIENT'], ['owner', 'OWNER'], ['guest', 'GUEST']] as const) users[k] = (await makeUser(db, { orgId: f.org.id, role })).user.id;
});
afterAll(() => drop());

function as(who: keyof typeof users, role: Role, customers?: string[]) {
  const a = testActor(f.org.id, role, users[who]!);
  signedIn.actor = customers ? { ...a, scope: { ...a.scope, customers } } : a;
}
const ask = (fields: Record<string, string>) => requestReportAction(null, formData(fields));
const get = async (id: string) => download.GET(new Request(`http://app.test/api/reports/${id}`), { params: Promise.resolve({ id }) });

describe('asking for and downloading a report', () => {
  it('a client may ask for its own operations as PDF or Excel, not PowerPoint, and not for host reports', async () => {
    as('client', 'CLIENT', [f.a.id]);
    const ok = await ask({ kind: 'operations', format: 'xlsx', month: MONTH, customerId: '' });
    expect(ok.ok).toBe(true);
    expect(await ask({ kind: 'operations', format: 'pptx', month: MONTH })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await ask({ kind: 'profitability', format: 'pdf', month: MONTH })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await ask({ kind: 'operations', format: 'pdf', month: '2026-13' })).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { month: 'invalid' } });
    expect(await ask({ kind: 'nonsense', format: 'pdf', month: MONTH })).toMatchObject({ ok: false, code: 'VALIDATION' });
    const id = (ok as { data: { id: string } }).data.id;
    // Not built yet: nothing to download.
    expect((await get(id)).status).toBe(404);
    expect(await generateReportRun(db, id, new Date('2026-12-02T08:00:00Z'))).toBe('done');
    const res = await get(id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(`operations-${MONTH}.xlsx`);
    // Another client, and a guest, get nothing; the owner gets the organization's runs.
    as('other', 'CLIENT', [f.b.id]);
    expect((await get(id)).status).toBe(404);
    as('guest', 'GUEST');
    expect((await get(id)).status).toBe(403);
    as('owner', 'OWNER');
    expect((await get(id)).status).toBe(200);
    const run = await getReportRun(db, { orgId: f.org.id, userId: users.owner!, scope: { orgId: f.org.id, sites: 'all', customers: 'all' } }, id);
    expect([run.status, run.locale, run.requestedBy]).toEqual(['done', 'en', users.client]);
  });

  it('an owner may ask for any kind in any format, a statement for a chosen customer', async () => {
    as('owner', 'OWNER');
    expect((await ask({ kind: 'profitability', format: 'pptx', month: MONTH })).ok).toBe(true);
    expect((await ask({ kind: 'statement', format: 'pdf', month: MONTH, customerId: f.a.id })).ok).toBe(true);
    expect(await ask({ kind: 'statement', format: 'pdf', month: MONTH, customerId: 'not-a-uuid' })).toMatchObject({ ok: false, code: 'VALIDATION' });
  });

  it('a malformed id is a 4xx, not a 500', async () => {
    as('owner', 'OWNER');
    expect((await get('nope')).status).toBeLessThan(500);
  });
});
