import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { saveRule } from '@/db/queries/alerts/rules';
import { ensureEmailChannel } from '@/db/queries/alerts/notification-channels';
import { assignTicket, createTicket } from '@/db/queries/hosting/ticket-writes';
import { brands, customers, networkSnapshots } from '@/db/schema';
import type { Jobs } from '@/inngest';
import { snapshotStored } from '@/inngest/events';
import { emailTicketNotices } from '@/lib/actions/hosting/ticket-notice-email';
import { scopeFor } from '@/lib/core/scope';
import { createNotifier } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';

let db: Db;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let jobs: Jobs['jobs'];
const id: Record<string, string> = {};
const BUCKET = new Date(Date.UTC(2026, 5, 1, 12, 0)).toISOString();

// A mail as the recipient's client shows it: soft line breaks of quoted-printable joined.
const readable = (raw: string) => raw.replace(/=\r?\n/g, '');
const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(raw)?.[1];

beforeAll(async () => {
  process.env.AUTH_SECRET ??= 'brand-emails-test-secret-0123456789abcdef';
  ({ db, drop } = await createTestDb());
  smtp = await startFakeSmtp();
  ({ jobs } = testJobs({ db, notifier: createNotifier({ smtp: smtp.smtp }) }));
  const org = await makeOrg(db, 'Host Co');
  const site = await makeSite(db, org.id, 'Alpha');
  const [brand] = await db.insert(brands).values({ orgId: org.id, subdomain: 'acme', displayName: 'Acme Hosting', primaryColor: '#2f9e44', accentColor: '#74c0fc' }).returning();
  const [branded] = await db.insert(customers).values({ orgId: org.id, name: 'Branded', email: 'client@acme.test', brandId: brand!.id }).returning();
  await db.insert(customers).values({ orgId: org.id, name: 'Plain', email: 'plain@example.test' });
  const miner = await makeMiner(db, { orgId: org.id, siteId: site.id, customerId: branded!.id });
  const owner = await makeUser(db, { orgId: org.id, role: 'OWNER', email: 'owner@host.test' });
  const operator = await makeUser(db, { orgId: org.id, role: 'OPERATOR', email: 'op@host.test', siteIds: [site.id] });
  // The brand's customer signs in as a CLIENT; a legacy role name maps to CLIENT as well.
  const client = await makeUser(db, { orgId: org.id, role: 'customer', email: 'client@acme.test' });
  const plain = await makeUser(db, { orgId: org.id, role: 'CLIENT', email: 'plain@example.test' });
  Object.assign(id, { org: org.id, site: site.id, miner: miner.id, owner: owner.user.id, operator: operator.user.id, client: client.user.id, plain: plain.user.id });
  for (const [userId, email] of [[client.user.id, 'client@acme.test'], [plain.user.id, 'plain@example.test'], [owner.user.id, 'owner@host.test']] as const) {
    const who = { orgId: org.id, userId };
    await saveRule(db, who, { kind: 'hashprice_below', threshold: 40, channelIds: [await ensureEmailChannel(db, who, email, 'Account email')] });
  }
  await db.insert(networkSnapshots).values({
    bucketStart: new Date(BUCKET),
    btcPriceUsd: '100000',
    difficulty: '120000000000000',
    networkHashrateHs: String((120e12 * 2 ** 32) / 600),
    feesPerBlockBtc: '0.02',
    blockHeight: 950_000,
    hashpriceBtcPerPhDay: String(38.2 / 100_000),
    hashpriceUsdPerPhDay: '38.2',
    sources: { price: 'test' },
  });
});
afterAll(async () => {
  await smtp.close();
  await drop();
});

describe('e-mails follow the white-label brand', () => {
  it('a brand customer’s alert names the brand in the sender, subject and text; others keep the product’s name', async () => {
    const r = await new InngestTestEngine({ function: jobs.evaluateProfitabilityAlerts, events: [{ name: snapshotStored.name, data: { bucketStart: BUCKET } }] }).execute();
    expect(r.error).toBeUndefined();
    const to = (address: string) => readable(smtp.received.find((m) => m.to.includes(address))!.raw);
    const branded = to('client@acme.test');
    expect(header(branded, 'From')).toBe('Acme Hosting <alerts@hashinsight.test>');
    expect(header(branded, 'Subject')).toBe('Acme Hosting: Hashprice below $40.00/PH/day');
    expect(branded).toContain('Manage alerts in Acme Hosting');
    expect(branded).not.toContain('HashInsight');
    for (const address of ['plain@example.test', 'owner@host.test']) {
      const mail = to(address);
      expect(header(mail, 'From')).toBe('HashInsight <alerts@hashinsight.test>');
      expect(header(mail, 'Subject')).toBe('HashInsight: Hashprice below $40.00/PH/day');
    }
  });

  it('a ticket notice sent from a brand’s host names the brand, from the default host the product', async () => {
    const owner = { orgId: id.org!, userId: id.owner!, scope: scopeFor({ orgId: id.org!, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] }) };
    const { ticket } = await createTicket(db, owner, { title: 'Fan noise', body: '', priority: 'normal', minerId: id.miner }, new Date());
    const { notices } = await assignTicket(db, owner, ticket.id, id.operator!, new Date());
    const before = smtp.received.length;
    await emailTicketNotices(db, id.org!, notices, { baseUrl: 'http://acme.localhost:3000', brand: { displayName: 'Acme Hosting' }, smtp: smtp.smtp });
    const mail = readable(smtp.received[before]!.raw);
    expect(header(mail, 'From')).toBe('Acme Hosting <alerts@hashinsight.test>');
    expect(header(mail, 'Subject')).toBe(`Acme Hosting: Ticket #${ticket.number} assigned to you`);
    expect(mail).toContain(`http://acme.localhost:3000/en/hosting/tickets/${ticket.id}`);
    expect(mail).not.toContain('HashInsight');


    const plain = await createTicket(db, owner, { title: 'PSU swap', body: '', priority: 'normal', minerId: id.miner, assigneeUserId: id.operator }, new Date());
    await emailTicketNotices(db, id.org!, plain.notices, { baseUrl: 'http://127.0.0.1:3000', brand: null, smtp: smtp.smtp });
    const product = readable(smtp.received[before + 1]!.raw);
    expect(header(product, 'From')).toBe('HashInsight <alerts@hashinsight.test>');
    expect(header(product, 'Subject')).toBe(`HashInsight: Ticket #${plain.ticket.number} assigned to you`);
  });
});
