import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { REDACTED, redactSecrets, SECRET_KEY_SUFFIXES } from '@/lib/domain/audit/redact';
import { createTestDb } from '../helpers/db';
import { makeOrg } from '../helpers/fixtures';
import { migrationsBefore } from '../helpers/migrations';

// Entries as writers stored them before redaction at write time: a pool-change command, a pool
// account with its API key, and every suffix of the redaction list in the spellings keys come in.
const camel = (s: string) => `my${s[0]!.toUpperCase()}${s.slice(1)}`;
const EVERY_SUFFIX = Object.fromEntries(SECRET_KEY_SUFFIXES.flatMap((s) => [[s, `v-${s}`], [camel(s), `c-${s}`], [`x_${s.toUpperCase()}`, `u-${s}`]]));
const OLD_ENTRIES = [
  { action: 'edge.command.queue', before: null, after: { minerId: 'm1', type: 'POOL_SET', params: { url: 'stratum+tcp://pool.example:3333', user: 'farm.001', password: 'hunter2-pool' } } },
  { action: 'pool.account.update', before: { label: 'Main', userId: 'farm', apiKey: 'ak-old-0001' }, after: { label: 'Main', userId: 'farm', apiKey: 'ak-new-0002', secretChanged: true } },
  { action: 'test.every_suffix', before: { nested: [{ deeper: EVERY_SUFFIX }] }, after: EVERY_SUFFIX },
  { action: 'edge.token.issue', before: null, after: { siteId: 's1', name: 'c', tokenPrefix: 'hie_abc', password: null, api_key: '' } },
  { action: 'miner.status', before: { status: 'active' }, after: { status: 'offline' } },
];

let db: Db;
let drop: () => Promise<void>;
let ids: number[];

beforeAll(async () => {
  const partial = await migrationsBefore('audit_scrub_secrets');
  try {
    const test = await createTestDb({ migrationsFolder: partial.folder });
    ({ db, drop } = test);
    const org = await makeOrg(db);
    const rows = await db
      .insert(auditLog)
      .values(OLD_ENTRIES.map((e, i) => ({ orgId: org.id, actorUserId: null, entityType: 'test', entityId: String(i), ...e })))
      .returning({ id: auditLog.id });
    ids = rows.map((r) => r.id);
    expect(JSON.stringify(await db.select().from(auditLog))).toContain('hunter2-pool');
    await test.migrate();
  } finally {
    await partial.remove();
  }
});
afterAll(async () => drop());

describe('the audit secret scrub migration', () => {
  it('leaves no pool password, API key or other secret in entries stored before it', async () => {
    const text = JSON.stringify(await db.select().from(auditLog));
    for (const secret of ['hunter2-pool', 'ak-old-0001', 'ak-new-0002', ...Object.values(EVERY_SUFFIX)]) expect(text).not.toContain(`"${secret}"`);
  });

  it('changes each entry exactly as write-time redaction would have (one rule, in SQL and in TypeScript)', async () => {
    const stored = await db.select({ id: auditLog.id, before: auditLog.before, after: auditLog.after }).from(auditLog).orderBy(asc(auditLog.id));
    expect(stored.map((r) => ({ before: r.before, after: r.after }))).toEqual(OLD_ENTRIES.map((e) => ({ before: redactSecrets(e.before), after: redactSecrets(e.after) })));
    const [pool] = await db.select().from(auditLog).where(eq(auditLog.id, ids[0]!));
    expect(pool!.after).toEqual({ minerId: 'm1', type: 'POOL_SET', params: { url: 'stratum+tcp://pool.example:3333', user: 'farm.001', password: REDACTED } });
  });

  it('keeps what is not secret: a prefix, a "secret changed" flag, a null password', async () => {
    const [account] = await db.select().from(auditLog).where(eq(auditLog.id, ids[1]!));
    expect(account!.after).toMatchObject({ secretChanged: true, label: 'Main' });
    const [token] = await db.select().from(auditLog).where(eq(auditLog.id, ids[3]!));
    expect(token!.after).toEqual({ siteId: 's1', name: 'c', tokenPrefix: 'hie_abc', password: null, api_key: REDACTED });
  });
});
