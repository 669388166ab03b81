import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, queryRows } from '@/db/client';
import { RULE_KINDS } from '@/lib/domain/alerts/rule-kinds';
import { ALERT_KINDS } from '@/lib/domain/telemetry/alert-rules';
import { alertRuleSchema } from '@/lib/validation/alerts';
import { createTestDb } from '../helpers/db';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await createTestDb());
});
afterAll(() => drop());

const enumValues = async (name: string) => (await queryRows<{ v: string }>(db, sql.raw(`select unnest(enum_range(null::${name}))::text as v`))).map((r) => r.v);

describe('alert rule kinds: one list for the database, the forms and the evaluation', () => {
  it('the migrated enums hold exactly the listed kinds, in order', async () => {
    expect(await enumValues('alerts_rule_kind')).toEqual([...RULE_KINDS]);
    expect(await enumValues('edge_alert_kind')).toEqual([...ALERT_KINDS]);
  });

  it('the profitability rule form accepts every listed kind and nothing else', () => {
    for (const kind of RULE_KINDS) expect(alertRuleSchema.safeParse({ kind, threshold: 5, channelIds: ['account-email'] }).success).toBe(true);
    expect(alertRuleSchema.safeParse({ kind: 'TEMP_HIGH', threshold: 5, channelIds: ['account-email'] }).success).toBe(false);
  });
});
