import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { apiTokens, auditLog, users } from '@/db/schema';
import { sessionIsLive, startSession } from '@/db/queries/auth/sessions';
import { createApiToken } from '@/lib/auth/api-tokens';
import { createNotifier } from '@/lib/integrations/notify';
import { createTestDb } from '../helpers/db';
import { startFakeSmtp } from '../helpers/fake-smtp';
import { makeOrg, makeUser } from '../helpers/fixtures';
import { testJobs } from '../helpers/jobs';

let db: Db;
let drop: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  smtp = await startFakeSmtp();
});
afterAll(async () => {
  await smtp.close();
  await drop();
});

describe('admin-access-expiry', () => {
  it('disables the accounts whose periods all ended, ends their sessions and tokens, mails them once', async () => {
    const orgId = (await makeOrg(db)).id;
    const now = new Date('2026-12-07T03:00:00Z');
    const ended = await makeUser(db, { orgId, role: 'CLIENT', email: 'ended@example.test', periods: [{ validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2026-12-01T00:00:00Z') }] });
    // One period ended, a later one is running: still in.
    const renewed = await makeUser(db, { orgId, role: 'CLIENT', periods: [{ validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2026-06-01T00:00:00Z') }, { validFrom: new Date('2026-06-01T00:00:00Z'), validUntil: null }] });
    const open = await makeUser(db, { orgId, role: 'OPERATOR' });
    const future = await makeUser(db, { orgId, role: 'GUEST', periods: [{ validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2026-12-07T03:00:01Z') }] });
    const sessionId = await startSession(db, ended.user.id, new Date('2026-11-30T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    await createApiToken(db, { orgId, userId: ended.user.id }, 'script');

    const run = () => new InngestTestEngine({ function: testJobs({ db, now: () => now, notifier: createNotifier({ smtp: smtp.smtp }) }).jobs.adminAccessExpiry }).execute();
    expect((await run()).result).toEqual({ expired: 1, disabled: 1 });
    const disabled = await db.select({ id: users.id, disabledAt: users.disabledAt }).from(users);
    expect(disabled.filter((u) => u.disabledAt).map((u) => u.id)).toEqual([ended.user.id]);
    expect([renewed, open, future].every((u) => disabled.find((d) => d.id === u.user.id)?.disabledAt === null)).toBe(true);
    expect(await sessionIsLive(db, sessionId, ended.user.id, now)).toBe(false);
    expect((await db.select().from(apiTokens).where(eq(apiTokens.userId, ended.user.id))).every((t) => t.revokedAt)).toBe(true);
    expect(smtp.received.map((m) => m.to)).toEqual([['ended@example.test']]);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.access_expired'));
    expect(entry).toMatchObject({ entityId: ended.user.id, actorUserId: null, after: { until: '2026-12-01T00:00:00.000Z' } });

    // A rerun finds nothing to do and sends nothing.
    expect((await run()).result).toEqual({ expired: 0, disabled: 0 });
    expect(smtp.received).toHaveLength(1);
  });
});
