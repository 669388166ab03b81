import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createDraftInvoice, getInvoice, issueInvoice } from '@/db/queries/billing/invoices';
import { customers, invoices, users } from '@/db/schema';
import { emailInvoice } from '@/lib/billing/invoice-email';
import { renderInvoicePdf } from '@/lib/billing/invoice-pdf';
import { createNotifier } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { makeCustomer, makeOrg, makeUser } from '../helpers/fixtures';
import { pdfText } from '../helpers/pdf';
import { testJobs } from '../helpers/jobs';

let db: Db;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let orgId: string;
let invoiceId: string;
const staff = () => ({ orgId, sites: 'all' as const, customers: 'all' as const });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  smtp = await startFakeSmtp();
  orgId = (await makeOrg(db)).id;
  const c = await makeCustomer(db, orgId, 'kehu@example.test');
  await db.update(customers).set({ name: 'Acme 矿业' }).where(eq(customers.id, c.id));
  // The customer's CLIENT user reads Chinese: its invoices are drafted in Chinese.
  const { user } = await makeUser(db, { orgId, role: 'CLIENT', email: 'kehu@example.test' });
  await db.update(users).set({ locale: 'zh' }).where(eq(users.id, user.id));
  const d = await createDraftInvoice(db, staff(), { customerId: c.id, taxBps: 1_000, items: [{ description: 'Rack install 机架安装', quantity: '2', unitCents: 5_000 }] });
  invoiceId = (await issueInvoice(db, staff(), d.id, null, new Date('2026-04-01T10:00:00Z'))).id;
});
afterAll(async () => {
  await smtp.close();
  await drop();
});

describe('invoice PDF and e-mail', () => {
  it.each([
    ['en', ['Invoice', 'INV-2026-000001', 'Rack install', '$100.00', '$10.00', '$110.00', 'Amount due']],
    ['zh', ['发票', 'INV-2026-000001', '机架安装', '$110.00', '应付金额', '小计']],
  ] as const)('%s: the lines, tax and totals in the language, CJK font subset', async (locale, expected) => {
    const inv = await getInvoice(db, staff(), invoiceId);
    const pdf = await renderInvoicePdf(inv, locale);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(300_000);
    const text = pdfText(pdf);
    if (text === null) return;
    for (const e of expected) expect(text).toContain(e);
  }, 60_000);

  it('issued: e-mailed once, in the customer’s language, with the PDF attached', async () => {
    const notifier = createNotifier({ smtp: smtp.smtp });
    expect((await emailInvoice(db, staff(), invoiceId, { notifier }))?.status).toBe('sent');
    expect((await emailInvoice(db, staff(), invoiceId, { notifier }))?.status).toBe('duplicate');
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['kehu@example.test']);
    expect(mail.raw).toMatch(/Content-Type: application\/pdf; name=INV-2026-000001\.pdf/);
    expect(mail.raw).toContain('=?UTF-8?'); // a Chinese subject, encoded
    expect((await db.select({ at: invoices.emailedAt }).from(invoices).where(eq(invoices.id, invoiceId)))[0]!.at).not.toBeNull();
  }, 60_000);

  it('the reminder job marks it overdue and sends each stage once', async () => {
    const run = (now: string) => new InngestTestEngine({ function: testJobs({ db, now: () => new Date(now), notifier: createNotifier({ smtp: smtp.smtp }) }).jobs.billingInvoiceReminders }).execute();
    // Due 16 April (15 days' terms); on the 17th: overdue, first reminder; again that day: nothing new.
    expect((await run('2026-04-16T08:00:00Z')).result).toEqual({ marked: 0, overdue: 0, sent: 0 });
    expect((await run('2026-04-17T08:00:00Z')).result).toEqual({ marked: 1, overdue: 1, sent: 1 });
    expect((await run('2026-04-17T09:00:00Z')).result).toEqual({ marked: 0, overdue: 1, sent: 0 });
    expect((await run('2026-04-23T08:00:00Z')).result).toEqual({ marked: 0, overdue: 1, sent: 1 });
    expect(smtp.received).toHaveLength(3);
    expect((await getInvoice(db, staff(), invoiceId)).status).toBe('overdue');
  }, 120_000);
});
