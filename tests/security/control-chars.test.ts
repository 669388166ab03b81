import { signedIn } from '../helpers/signed-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createTicket } from '@/db/queries/hosting/ticket-writes';
import { miners } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { scopeFor } from '@/lib/core/scope';
import { searchField, searchListSchema } from '@/lib/list/list-fields';
import { parseListPage } from '@/lib/list/parse-list-page';
import { minerListPageSchema } from '@/lib/validation/hosting';
import { poolAlertsPageSchema, poolLinksPageSchema, poolWorkersPageSchema } from '@/lib/validation/pool';
import { formData } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The actions and routes run for real against the test database; only the signed-in user and Next's
// cache revalidation (which needs a running server) are stood in for.

const NUL = '\u0000';
let db: Db;
let drop: () => Promise<void>;
const id: Record<string, string> = {};


beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  const org = await makeOrg(db);
  const site = await makeSite(db, org.id, 'Alpha');
  const customer = await makeCustomer(db, org.id);
  const miner = await makeMiner(db, { orgId: org.id, siteId: site.id, customerId: customer.id });
  const owner = await makeUser(db, { orgId: org.id, role: 'OWNER' });
  const scope = scopeFor({ orgId: org.id, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
  const actor: Actor = { userId: owner.user.id, email: owner.user.email, name: 'Owner', locale: 'en', orgId: org.id, orgName: 'T', role: 'OWNER', scope };
  signedIn.actor = actor;
  const { ticket } = await createTicket(db, { orgId: org.id, userId: owner.user.id, scope }, { title: 'Fan noise', body: '', priority: 'normal', minerId: miner.id }, new Date());
  Object.assign(id, { org: org.id, site: site.id, miner: miner.id, ticket: ticket.id, model: String(miner.modelId) });
});
afterAll(() => drop());

describe('a NUL byte in an action field is a field error, never INTERNAL', () => {
  const cases: [string, () => Promise<unknown>, string][] = [
    ['updateProfileAction', async () => (await import('@/lib/actions/account/update-profile')).updateProfileAction(null, formData({ name: `A${NUL}B`, locale: 'en' })), 'name'],
    ['createApiTokenAction', async () => (await import('@/lib/actions/api-tokens/create-api-token')).createApiTokenAction(null, formData({ name: `ci${NUL}` })), 'name'],
    ['addWebhookChannelAction', async () => (await import('@/lib/actions/alerts/add-webhook-channel')).addWebhookChannelAction(null, formData({ label: `hook${NUL}`, url: 'https://hooks.example.com/x', secret: 'a-very-long-secret-123' })), 'label'],
    ['createBrandAction', async () => (await import('@/lib/actions/brands/create-brand')).createBrandAction(null, formData({ subdomain: 'nul', displayName: `Nul${NUL}Co`, primaryColor: '#112233', accentColor: '#445566', supportEmail: '', logo: '', enabled: 'on' })), 'displayName'],
    ['createSiteAction', async () => (await import('@/lib/actions/hosting/create-site')).createSiteAction(null, formData({ name: `Site${NUL}`, location: 'X', timeZone: 'UTC', energySource: 'hydro', contractedKw: '100', electricityUsdPerKwh: '0.05' })), 'name'],
    ['createMinerAction', async () => (await import('@/lib/actions/hosting/create-miner')).createMinerAction(null, formData({ name: 'N-1', siteId: id.site!, modelId: id.model!, serial: `SN${NUL}1` })), 'serial'],
    ['updateMinerAction', async () => (await import('@/lib/actions/hosting/update-miner')).updateMinerAction(null, formData({ id: id.miner!, name: `N${NUL}`, siteId: id.site!, modelId: id.model! })), 'name'],
    ['createTicketAction', async () => (await import('@/lib/actions/hosting/create-ticket')).createTicketAction(null, formData({ title: `Broken${NUL}`, body: '', priority: 'normal', minerId: id.miner! })), 'title'],
    ['addTicketCommentAction', async () => (await import('@/lib/actions/hosting/add-ticket-comment')).addTicketCommentAction(null, formData({ id: id.ticket!, body: `see${NUL}`, internal: '' })), 'body'],
    ['issueDeviceTokenAction', async () => (await import('@/lib/actions/edge/issue-device-token')).issueDeviceTokenAction(null, formData({ siteId: id.site!, name: `col${NUL}` })), 'name'],
    ['createAlertRuleAction', async () => (await import('@/lib/actions/edge/create-alert-rule')).createAlertRuleAction(null, formData({ name: `hot${NUL}`, kind: 'TEMP_HIGH', threshold: '80' })), 'name'],
    ['savePoolAccountAction', async () => (await import('@/lib/actions/pool/save-pool-account')).savePoolAccountAction(null, formData({ label: `main${NUL}`, userId: 'u1', apiKey: 'k', secret: 's', workerPattern: '^(.+)$' })), 'label'],
    ['searchLinkMinersAction', async () => (await import('@/lib/actions/pool/search-link-miners')).searchLinkMinersAction({ q: `M-${NUL}` }), 'q'],
  ];
  it.each(cases)('%s', async (_name, call, field) => {
    const res = await call();
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect((res as { fieldErrors?: Record<string, string> }).fieldErrors?.[field]).toBe('controlChars');
  });
});

describe('a NUL byte in a search or a serial reaching a route or a page', () => {
  it('GET /api/hosting/miners?q=%00 is a 400 naming the field', async () => {
    const { GET } = await import('@/app/api/hosting/miners/route');
    const res = await GET(new Request('http://127.0.0.1/api/hosting/miners?q=S%00N'), { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION', fields: { q: 'controlChars' } } });
  });

  it('POST /api/hosting/miners/batch with a NUL in a serial is a 400 by row and writes nothing', async () => {
    const { POST } = await import('@/app/api/hosting/miners/batch/route');
    const before = await db.$count(miners);
    const rows = [{ name: 'B-1', siteId: id.site, modelId: Number(id.model), serial: 'SN-B1' }, { name: 'B-2', siteId: id.site, modelId: Number(id.model), serial: `SN${NUL}B2` }];
    const res = await POST(new Request('http://127.0.0.1/api/hosting/miners/batch', { method: 'POST', body: JSON.stringify({ rows }), headers: { 'content-type': 'application/json' } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.rows).toEqual([{ row: 2, field: 'serial', code: 'controlChars' }]);
    expect(await db.$count(miners)).toBe(before);
  });

  it('list pages drop a search holding a control character instead of querying with it', () => {
    const devices = parseListPage(minerListPageSchema, { q: `S${NUL}N`, status: 'offline' });
    expect(devices.invalid).toEqual(['q']);
    expect(devices.params).toMatchObject({ status: 'offline' });
    expect(devices.params.q).toBeUndefined();
    expect(parseListPage(searchListSchema(), { q: `a${NUL}` }).params.q).toBeUndefined();
    expect(parseListPage(poolWorkersPageSchema, { q: `w${NUL}` }).params.q).toBeUndefined();
    expect(parseListPage(poolLinksPageSchema, { q: `w\u001b[0m` }).params.q).toBeUndefined();
    expect(parseListPage(poolAlertsPageSchema, { q: ' api ' }).params.q).toBe('api');
    expect(searchField().safeParse(`x${NUL}`).success).toBe(false);
  });
});

describe('what stays allowed', () => {
  it('keeps tabs and line breaks in multi-line text', async () => {
    const { addTicketCommentAction } = await import('@/lib/actions/hosting/add-ticket-comment');
    const res = await addTicketCommentAction(null, formData({ id: id.ticket!, body: 'line 1\r\n\tline 2', internal: '' }));
    expect(res).toMatchObject({ ok: true });
  });
});
