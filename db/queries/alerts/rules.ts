import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { profitabilityAlertRuleChannels as ruleChannels, profitabilityAlertRules as rules } from '../../schema';
import type { Owner } from './mining-settings';

export type RuleKind = (typeof rules.$inferSelect)['kind'];
export type RuleView = {
  id: string;
  kind: RuleKind;
  threshold: number;
  state: 'armed' | 'breached';
  stateChangedAt: Date;
  lastValue: number | null;
  lastEvaluatedBucket: Date | null;
  channelIds: string[];
};

/** A user's rules with their channels (a user keeps at most MAX_RULES, so one page holds them all). */
export async function listRules(db: Db, owner: Owner): Promise<RuleView[]> {
  const rows = await db
    .select({
      id: rules.id,
      kind: rules.kind,
      threshold: rules.threshold,
      state: rules.state,
      stateChangedAt: rules.stateChangedAt,
      lastValue: rules.lastValue,
      lastEvaluatedBucket: rules.lastEvaluatedBucket,
      channelIds: sql<string[]>`coalesce(json_agg(${ruleChannels.channelId}) filter (where ${ruleChannels.channelId} is not null), '[]'::json)`,
    })
    .from(rules)
    .leftJoin(ruleChannels, eq(ruleChannels.ruleId, rules.id))
    .where(and(eq(rules.orgId, owner.orgId), eq(rules.userId, owner.userId)))
    .groupBy(rules.id)
    .orderBy(asc(rules.createdAt), asc(rules.id));
  return rows.map((r) => ({ ...r, threshold: Number(r.threshold), lastValue: r.lastValue === null ? null : Number(r.lastValue) }));
}

export const MAX_RULES = 50;

export async function countRules(db: Db, owner: Owner): Promise<number> {
  const [row] = await db.select({ n: count() }).from(rules).where(and(eq(rules.orgId, owner.orgId), eq(rules.userId, owner.userId)));
  return row?.n ?? 0;
}

/**
 * Creates or updates a rule and replaces its channels. Changing the kind or threshold re-arms it,
 * so the new condition gets its own first notification. Returns null for someone else's rule.
 */
export async function saveRule(db: Db, owner: Owner, input: { id?: string; kind: RuleKind; threshold: number; channelIds: string[] }) {
  const values = { kind: input.kind, threshold: String(input.threshold), state: 'armed' as const, stateChangedAt: new Date(), breachedBucket: null, updatedAt: new Date() };
  let id = input.id;
  if (id) {
    const updated = await db
      .update(rules)
      .set(values)
      .where(and(eq(rules.id, id), eq(rules.orgId, owner.orgId), eq(rules.userId, owner.userId)))
      .returning({ id: rules.id });
    if (!updated[0]) return null;
    await db.delete(ruleChannels).where(eq(ruleChannels.ruleId, id));
  } else {
    const [created] = await db.insert(rules).values({ ...owner, ...values }).returning({ id: rules.id });
    id = created!.id;
  }
  await db.insert(ruleChannels).values(input.channelIds.map((channelId) => ({ ruleId: id, channelId })));
  return id;
}

export async function deleteRule(db: Db, owner: Owner, id: string) {
  const rows = await db
    .delete(rules)
    .where(and(eq(rules.id, id), eq(rules.orgId, owner.orgId), eq(rules.userId, owner.userId)))
    .returning({ id: rules.id, kind: rules.kind, threshold: rules.threshold });
  return rows[0] ?? null;
}
