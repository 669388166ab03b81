import { signedIn } from '../helpers/signed-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { createTicket } from '@/db/queries/hosting/ticket-writes';
import { formData, testActor } from '../helpers/actor';
import { createTestDb } from '../helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

// The ticket page's actions run for real against the test database (no SMTP configured, so no notice
// mail is queued); only the signed-in user and Next's cache revalidation are stood in for.

const { assignTicketAction } = await import('@/lib/actions/hosting/assign-ticket');
const { changeTicketStatusAction } = await import('@/lib/actions/hosting/change-ticket-status');
const { addTicketCommentAction } = await import('@/lib/actions/hosting/add-ticket-comment');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let ownerId: string;
let ticketId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  signedIn.db = db;
  orgId = (await makeOrg(db)).id;
  const site = await makeSite(db, orgId);
  const miner = await makeMiner(db, { orgId, siteId: site.id });
  ownerId = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
  const owner = testActor(orgId, 'OWNER', ownerId);
  ticketId = (await createTicket(db, { orgId, userId: ownerId, scope: owner.scope }, { title: 'Fan noise', body: '', priority: 'normal', minerId: miner.id }, new Date())).ticket.id;
});
afterAll(() => drop());

describe('actions on a ticket’s page', () => {
  it('assign, move and comment, each revalidating the ticket page', async () => {
    signedIn.actor = testActor(orgId, 'OWNER', ownerId);
    signedIn.revalidated = [];
    expect(await assignTicketAction(null, formData({ id: ticketId, assigneeUserId: ownerId }))).toEqual({ ok: true, data: { assigneeUserId: ownerId } });
    expect(await changeTicketStatusAction(null, formData({ id: ticketId, status: 'in_progress' }))).toEqual({ ok: true, data: { status: 'in_progress' } });
    expect(await addTicketCommentAction(null, formData({ id: ticketId, body: 'Fan replaced', internal: '' }))).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    expect(await assignTicketAction(null, formData({ id: ticketId, assigneeUserId: '' }))).toEqual({ ok: true, data: { assigneeUserId: null } });
    expect(signedIn.revalidated).toEqual(Array(4).fill('/[locale]/hosting/tickets/[id]'));
  });

  it('refuses a move the lifecycle does not allow as CONFLICT, a role without hosting:ticket FULL as FORBIDDEN, and revalidates nothing then', async () => {
    signedIn.actor = testActor(orgId, 'OWNER', ownerId);
    signedIn.revalidated = [];
    expect(await changeTicketStatusAction(null, formData({ id: ticketId, status: 'closed' }))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await changeTicketStatusAction(null, formData({ id: ticketId, status: 'nope' }))).toMatchObject({ ok: false, code: 'VALIDATION' });
    signedIn.actor = testActor(orgId, 'GUEST', ownerId);
    expect(await assignTicketAction(null, formData({ id: ticketId, assigneeUserId: '' }))).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(signedIn.revalidated).toEqual([]);
  });
});
