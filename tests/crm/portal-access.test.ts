import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listLeads } from '@/db/queries/crm/leads';
import { convertLead, createLead } from '@/db/queries/crm/leads';
import { auditLog, brands, customers, memberships, oneTimeTokens, users } from '@/db/schema';
import { activateWithToken, grantPortalAccess } from '@/lib/actions/crm/portal-access-flow';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { AppError } from '@/lib/core/errors';
import { convertLeadSchema, leadInputSchema } from '@/lib/validation/crm';
import { testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { makeOrg, makeUser } from '../helpers/fixtures';

// Approving a converted lead into a portal user, with the e-mail through the local SMTP fake and the
// link's password then signing in through the real credential check.

let db: Db;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let orgId: string;
let adminId: string;
let otherOrgId: string;

function mailText(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return body;
}

const admin = () => testActor(orgId, 'ADMIN', adminId);
const ctx = () => ({ baseUrl: 'http://localhost:3000', baseDomains: 'localhost', smtp: smtp.smtp, now: new Date() });

async function convertedLead(name: string, email: string | null, brandId: string | null = null) {
  const lead = await createLead(db, admin(), leadInputSchema.parse({ name, email: email ?? '', source: 'manual' }), new Date());
  const { customerId } = await convertLead(db, admin(), convertLeadSchema.parse({ id: lead.id }), new Date());
  if (brandId) await db.update(customers).set({ brandId }).where(eq(customers.id, customerId));
  return { leadId: lead.id, customerId };
}

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  smtp = await startFakeSmtp();
  orgId = (await makeOrg(db)).id;
  otherOrgId = (await makeOrg(db, 'Other')).id;
  adminId = (await makeUser(db, { orgId, role: 'ADMIN' })).user.id;
});
afterAll(async () => {
  await smtp.close();
  await drop();
});

describe('lead approval into a portal user', () => {
  it('creates one CLIENT account linked by e-mail, e-mails a brand-host link that sets the password once, and the client signs in', async () => {
    const [brand] = await db.insert(brands).values({ orgId, subdomain: 'acme', displayName: 'Acme Hosting' }).returning();
    const { leadId, customerId } = await convertedLead('Wang Fang', 'Wang@Fang.example', brand!.id);
    const r = await grantPortalAccess(db, admin(), { id: leadId, locale: 'zh' }, ctx());
    expect(r).toMatchObject({ created: true, sent: true });
    const [user] = await db.select().from(users).where(eq(users.email, 'wang@fang.example'));
    expect(user).toMatchObject({ id: r.userId, name: 'Wang Fang', locale: 'zh' });
    expect(await db.select({ role: memberships.role, orgId: memberships.orgId }).from(memberships).where(eq(memberships.userId, r.userId))).toEqual([{ role: 'CLIENT', orgId }]);

    // Before a password is chosen nobody can sign in with anything.
    const signIn = (password: string) => verifyCredentials(db, { email: 'wang@fang.example', password, ip: '127.0.0.9' }, { now: new Date(), demoMode: false });
    expect(await signIn('')).toMatchObject({ ok: false });

    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['wang@fang.example']);
    const text = mailText(mail.raw);
    expect(text).toContain('Wang Fang，您好');
    expect(text).toContain('7 天');
    const token = /http:\/\/acme\.localhost:3000\/zh\/activate\?token=([\w-]+)/.exec(text)?.[1];
    expect(token).toBeTruthy();
    // Only the hash is stored.
    const [stored] = await db.select().from(oneTimeTokens).where(and(eq(oneTimeTokens.userId, r.userId), eq(oneTimeTokens.purpose, 'lead_activation')));
    expect(stored!.tokenHash).not.toContain(token!);

    await expect(activateWithToken(db, { token: token!, newPassword: 'correct horse battery' }, new Date())).resolves.toEqual({ email: 'wang@fang.example' });
    await expect(activateWithToken(db, { token: token!, newPassword: 'another password!' }, new Date())).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { token: 'invalid' } });
    const ok = await signIn('correct horse battery');
    expect(ok).toMatchObject({ ok: true, user: { id: r.userId, role: 'CLIENT', orgId } });
    expect(await signIn('another password!')).toMatchObject({ ok: false, reason: 'invalid' });

    // The lead list shows the account; the audit has the grant and the activation.
    const leadsPage = await listLeads(db, admin(), {}, { page: 1, pageSize: 50 });
    expect(leadsPage.rows.find((l) => l.id === leadId)).toMatchObject({ hasPortal: true, convertedCustomerId: customerId });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.orgId, orgId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['lead.portal_access.grant', 'user.activate']));

    // Approving again once the client has signed in: its e-mail is taken, nothing new is written or sent.
    const sent = smtp.received.length;
    await expect(grantPortalAccess(db, admin(), { id: leadId, locale: 'zh' }, ctx())).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { email: 'emailTaken' } });
    expect(smtp.received.length).toBe(sent);
  });

  it('a second approval before the first sign-in re-sends a new link (the old one closed), without a second account', async () => {
    const { leadId } = await convertedLead('Li Na', 'li@na.example');
    const first = await grantPortalAccess(db, admin(), { id: leadId, locale: 'en' }, ctx());
    const firstToken = /\/en\/activate\?token=([\w-]+)/.exec(mailText(smtp.received.at(-1)!.raw))?.[1];
    expect(mailText(smtp.received.at(-1)!.raw)).toContain('http://localhost:3000/en/activate?token=');
    const again = await grantPortalAccess(db, admin(), { id: leadId, locale: 'en' }, ctx());
    expect(again).toMatchObject({ userId: first.userId, created: false, sent: true });
    expect(await db.select().from(users).where(eq(users.email, 'li@na.example'))).toHaveLength(1);
    await expect(activateWithToken(db, { token: firstToken!, newPassword: 'correct horse battery' }, new Date())).rejects.toBeInstanceOf(AppError);
    const secondToken = /\/en\/activate\?token=([\w-]+)/.exec(mailText(smtp.received.at(-1)!.raw))?.[1];
    await expect(activateWithToken(db, { token: secondToken!, newPassword: 'correct horse battery' }, new Date())).resolves.toEqual({ email: 'li@na.example' });
  });

  it('refuses an unconverted lead, a customer without e-mail, an e-mail of a staff account, and another organization; nothing written', async () => {
    const usersBefore = (await db.select().from(users)).length;
    const open = await createLead(db, admin(), leadInputSchema.parse({ name: 'Open', email: 'open@x.example', source: 'manual' }), new Date());
    await expect(grantPortalAccess(db, admin(), { id: open.id, locale: 'en' }, ctx())).rejects.toMatchObject({ code: 'CONFLICT' });
    const noMail = await convertedLead('No Mail', null);
    await expect(grantPortalAccess(db, admin(), { id: noMail.leadId, locale: 'en' }, ctx())).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { email: 'required' } });
    const staff = await makeUser(db, { orgId, role: 'OPERATOR' });
    const staffLead = await convertedLead('Staff twin', staff.user.email);
    await expect(grantPortalAccess(db, admin(), { id: staffLead.leadId, locale: 'en' }, ctx())).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { email: 'emailTaken' } });
    const foreign = testActor(otherOrgId, 'OWNER', (await makeUser(db, { orgId: otherOrgId, role: 'OWNER' })).user.id);
    await expect(grantPortalAccess(db, foreign, { id: staffLead.leadId, locale: 'en' }, ctx())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.select().from(users)).length).toBe(usersBefore + 2);
  });
});
