import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { downloadReportRun, getReportRun, listReportRuns, queueReportRun, type Viewer } from '@/db/queries/reports/runs';
import { createNotifier } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { makeUser } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';
import { pdfText } from '../helpers/pdf';
import { MONTH, seedReportMonth } from './report-fixture';

let db: Db;
let drop: () => Promise<void>;
let f: Awaited<ReturnType<typeof seedReportMonth>>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let owner: Viewer;
let client: Viewer;
let otherClient: Viewer;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  f = await seedReportMonth(db);
  smtp = await startFakeSmtp();
  const o = await makeUser(db, { orgId: f.org.id, role: 'OWNER' });
  const c = await makeUser(db, { orgId: f.org.id, role: 'CLIENT' });
  const c2 = await makeUser(db, { orgId: f.org.id, role: 'CLIENT' });
  owner = { orgId: f.org.id, userId: o.user.id, scope: { orgId: f.org.id, sites: 'all', customers: 'all' } };
  client = { orgId: f.org.id, userId: c.user.id, scope: { orgId: f.org.id, sites: 'all', customers: [f.a.id] } };
  otherClient = { orgId: f.org.id, userId: c2.user.id, scope: { orgId: f.org.id, sites: 'all', customers: [f.b.id] } };
});
afterAll(async () => {
  await smtp.close();
  await drop();
});

const generate = (now = '2026-12-02T08:00:00Z') => new InngestTestEngine({ function: testJobs({ db, now: () => new Date(now) }).jobs.reportsGenerate }).execute();

describe('report runs', () => {
  it('the job builds queued runs within the scope they were asked with, with progress to 100 and the file stored', async () => {
    const mine = await queueReportRun(db, client, { kind: 'operations', format: 'xlsx', locale: 'en', month: MONTH, customerId: null });
    const refused = await queueReportRun(db, client, { kind: 'profitability', format: 'pdf', locale: 'en', month: MONTH, customerId: null });
    expect((await getReportRun(db, client, mine)).status).toBe('queued');
    const { result } = await generate();
    expect(result).toEqual({ [mine]: 'done', [refused]: 'failed' });
    const run = await getReportRun(db, client, mine);
    expect([run.status, run.progress, run.fileName]).toEqual(['done', 100, `operations-${MONTH}.xlsx`]);
    const file = await downloadReportRun(db, client, mine);
    expect(file.file.subarray(0, 2).toString()).toBe('PK');
    expect(run.sizeBytes).toBe(file.file.length);
    expect((await getReportRun(db, client, refused)).error).toBe('FORBIDDEN');
    // A second pass finds nothing queued: nothing is built twice.
    expect((await generate()).result).toEqual({});
  });

  it("a user sees only the runs they asked for; owners see the organization's", async () => {
    const mine = await queueReportRun(db, client, { kind: 'statement', format: 'pdf', locale: 'zh', month: MONTH, customerId: null });
    await generate();
    await expect(downloadReportRun(db, otherClient, mine)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getReportRun(db, otherClient, mine)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listReportRuns(db, otherClient, { page: 1, pageSize: 10 })).total).toBe(0);
    const own = await listReportRuns(db, client, { page: 1, pageSize: 2 });
    expect([own.total, own.rows.length, own.pageCount]).toEqual([3, 2, 2]);
    expect(own.rows[0]!.id).toBe(mine);
    expect('file' in own.rows[0]!).toBe(false);
    expect((await listReportRuns(db, owner, { page: 1, pageSize: 10 })).total).toBe(3);
    expect((await downloadReportRun(db, owner, mine)).file.subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('monthly delivery', () => {
  it("e-mails each customer its own operations report once per month, however often the job runs", async () => {
    const run = () =>
      new InngestTestEngine({ function: testJobs({ db, now: () => new Date('2026-12-02T06:00:00Z'), notifier: createNotifier({ smtp: smtp.smtp }) }).jobs.reportsMonthlyDelivery }).execute();
    const first = await run();
    expect((first.result as { month: string }).month).toBe(MONTH);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([f.a.email, f.b.email].sort());
    const second = await run();
    expect(Object.values((second.result as { sent: Record<string, string> }).sent)).toEqual(['already', 'already']);
    expect(smtp.received).toHaveLength(2);
    const toA = smtp.received.find((m) => m.to[0] === f.a.email)!;
    expect(toA.raw).toContain('application/pdf');
    const runs = await listReportRuns(db, owner, { page: 1, pageSize: 20 });
    const delivered = runs.rows.filter((r) => r.deliveryKey !== null);
    expect(delivered.every((r) => r.emailedAt !== null && r.status === 'done')).toBe(true);
    // The attachment is A's report: A's 3 miners, no host cost.
    const pdf = await downloadReportRun(db, owner, delivered.find((r) => r.customerId === f.a.id)!.id);
    const text = pdfText(pdf.file);
    if (text !== null) {
      expect(text).toContain('9,000 sats');
      expect(text).not.toContain('Energy cost');
    }
  });
});
