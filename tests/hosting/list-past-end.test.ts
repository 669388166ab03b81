import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { listApiTokens } from '@/db/queries/auth/api-tokens';
import { createApiToken } from '@/lib/auth/api-tokens';
import { listAudit, recordAudit } from '@/db/queries/admin/audit';
import { listCustomers } from '@/db/queries/hosting/customers';
import { listUsers } from '@/db/queries/admin/users';
import { scopeFor } from '@/lib/core/scope';
import { createTestDb } from '../helpers/db';
import { makeCustomer, makeOrg, makeUser } from '../helpers/fixtures';

// Lists whose total rides on each row (count(*) over ()): past the last page there is no row, so the
// total used to read 0 and the page showed an empty list instead of the way back.
let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let userId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  orgId = (await makeOrg(db)).id;
  userId = (await makeUser(db, { orgId, role: 'OWNER' })).user.id;
  for (let i = 0; i < 3; i++) await makeUser(db, { orgId, role: 'OPERATOR' });
  for (let i = 0; i < 30; i++) await makeCustomer(db, orgId);
  for (let i = 0; i < 7; i++) await recordAudit(db, { orgId, actorUserId: userId, action: 'test.entry', entityType: 'test', entityId: `${i}` });
  for (let i = 0; i < 3; i++) await createApiToken(db, { orgId, userId }, `token ${i}`);
});
afterAll(() => drop());

const owner = () => scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });

describe('a page past the last page', () => {
  it('still knows the total and the page count (customers)', async () => {
    const past = await listCustomers(db, owner(), {}, { page: 5, pageSize: 25 });
    expect(past).toEqual({ rows: [], total: 30, page: 5, pageSize: 25, pageCount: 2 });
    const last = await listCustomers(db, owner(), {}, { page: 2, pageSize: 25 });
    expect(last.rows).toHaveLength(5);
    expect(last.total).toBe(30);
  });

  it('still knows the total and the page count (audit log, users, API tokens)', async () => {
    // Seven entries written here and three token creations.
    expect(await listAudit(db, owner(), { page: 3, pageSize: 25 })).toMatchObject({ rows: [], total: 10, pageCount: 1 });
    expect(await listUsers(db, owner(), { page: 2, pageSize: 25 })).toMatchObject({ rows: [], total: 4, pageCount: 1 });
    expect(await listApiTokens(db, { orgId, userId }, { page: 4, pageSize: 25 })).toMatchObject({ rows: [], total: 3, pageCount: 1 });
  });

  it('of a filtered set counts that set, and an empty set stays 0', async () => {
    expect(await listCustomers(db, owner(), { q: 'no such customer' }, { page: 3, pageSize: 25 })).toMatchObject({ rows: [], total: 0, pageCount: 1 });
    expect(await listCustomers(db, owner(), { q: 'no such customer' }, { page: 1, pageSize: 25 })).toMatchObject({ rows: [], total: 0 });
  });

  it('rows do not carry the window count', async () => {
    const page = await listCustomers(db, owner(), {}, { page: 1, pageSize: 25 });
    expect(page.rows[0]).not.toHaveProperty('total');
  });
});
