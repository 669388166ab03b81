import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { confirmLeadEmail } from '@/db/queries/crm/registration';
import { customerAccounts, leads, users } from '@/db/schema';
import { confirmTokenHash, submitRegistration } from '@/lib/actions/crm/registration-flow';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { makeCustomer, makeOrg, makeUser } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let orgId: string;
let referrerId: string;
let managerId: string;
let ip = 0;

/** A single-part message's text, whichever transfer encoding nodemailer chose for it. */
function mailText(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return body;
}

// Each case signs up from its own address, so the per-address limit is only met where a case means to.
const ctx = (extra: Partial<Parameters<typeof submitRegistration>[2]> = {}) => ({ ip: `203.0.113.${++ip}`, brandOrgId: null, baseUrl: 'https://hosting.example', appName: 'HashInsight', smtp: smtp.smtp, now: new Date(), ...extra });

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  smtp = await startFakeSmtp();
  orgId = (await makeOrg(db)).id;
  managerId = (await makeUser(db, { orgId, role: 'MINING_SITE_OWNER' })).user.id;
  referrerId = (await makeCustomer(db, orgId, 'referrer@example.test')).id;
  await db.insert(customerAccounts).values({ customerId: referrerId, orgId, ownerUserId: managerId, referralCode: 'REFER123' });
});
afterAll(async () => {
  await smtp.close();
  await drop();
});

describe('self-registration', () => {
  it('files a lead (no user), attributed to the referrer and its manager, and e-mails a link that confirms once', async () => {
    const usersBefore = (await db.select().from(users)).length;
    const r = await submitRegistration(db, { name: 'Wang Fang', company: 'Fang Mining', email: ' Wang@Fang.example ', message: '120 × S21', referralCode: 'refer-123', locale: 'zh' }, ctx());
    expect(r).toEqual({ ok: true, data: { sent: true } });
    const [lead] = await db.select().from(leads).where(eq(leads.email, 'wang@fang.example'));
    expect(lead).toMatchObject({ orgId, source: 'referral', status: 'new', referredByCustomerId: referrerId, ownerUserId: managerId, notes: '120 × S21', emailConfirmedAt: null });
    expect((await db.select().from(users)).length).toBe(usersBefore);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['wang@fang.example']);
    const text = mailText(mail.raw);
    const token = /register\/confirm\?token=([\w-]+)/.exec(text)?.[1];
    expect(text).toContain('https://hosting.example/zh/register/confirm?token=');
    expect(text).toContain('Wang Fang，您好');
    expect(token).toBeTruthy();
    expect(lead!.confirmTokenHash).toBe(confirmTokenHash(token!));
    expect(await confirmLeadEmail(db, confirmTokenHash(token!), new Date())).toBe(true);
    expect(await confirmLeadEmail(db, confirmTokenHash(token!), new Date())).toBe(false);
    expect((await db.select().from(leads).where(eq(leads.id, lead!.id)))[0]!.emailConfirmedAt).not.toBeNull();
  });

  it('answers a known e-mail as a new one without a second record, and refuses bad input as field errors', async () => {
    const sent = smtp.received.length;
    expect(await submitRegistration(db, { name: 'Wang again', email: 'wang@fang.example' }, ctx())).toEqual({ ok: true, data: { sent: false } });
    expect(await submitRegistration(db, { name: 'Referrer', email: 'REFERRER@example.test' }, ctx())).toEqual({ ok: true, data: { sent: false } });
    expect((await db.select().from(leads).where(eq(leads.orgId, orgId))).length).toBe(1);
    expect(smtp.received.length).toBe(sent);
    expect(await submitRegistration(db, { name: '', email: 'nope' }, ctx())).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { name: 'required', email: 'email' } });
    expect(await submitRegistration(db, { name: 'X', email: 'x@example.test', referralCode: 'NOSUCHCODE' }, ctx())).toEqual({ ok: false, code: 'VALIDATION', fieldErrors: { referralCode: 'invalid' } });
  });

  it('limits sign-ups per address, and with several organizations and no brand or code files nothing', async () => {
    const one = ctx();
    for (let i = 0; i < 5; i++) expect(await submitRegistration(db, { name: `P${i}`, email: `p${i}@example.test` }, one)).toMatchObject({ ok: true });
    expect(await submitRegistration(db, { name: 'P6', email: 'p6@example.test' }, one)).toEqual({ ok: false, code: 'RATE_LIMITED' });
    await makeOrg(db, 'Second host');
    expect(await submitRegistration(db, { name: 'Q', email: 'q@example.test' }, ctx())).toEqual({ ok: false, code: 'NOT_FOUND' });
    expect(await submitRegistration(db, { name: 'Q', email: 'q@example.test', referralCode: 'REFER123' }, ctx())).toMatchObject({ ok: true });
    expect(await submitRegistration(db, { name: 'R', email: 'r@example.test' }, ctx({ brandOrgId: orgId }))).toMatchObject({ ok: true });
  });
});
