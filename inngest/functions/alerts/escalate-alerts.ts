import type { Db } from '@/db/client';
import { type DueEdgeAlert, type DuePoolAlert, dueEscalations, escalationTarget, markEscalated, orgsEscalating } from '@/db/queries/alerts/escalation';
import { groupStorms, stormKey } from '@/lib/domain/alerts/storm';
import { PRODUCT_NAME } from '@/lib/domain/brands/app-name';
import type { Notifier } from '@/lib/integrations/notify';
import { escalationMessage } from '@/lib/notifications/escalation';
import type { JobsClient } from '../../client';

/**
 * Every minute: a critical alert (edge or pool) nobody acknowledged within the organization's set
 * time goes once to its second contact. Many of one site and rule (or one pool alert kind and
 * account) go as one message, as storms do when they open. Idempotent: each message has a dedupe
 * key and the alerts are marked escalated after it went, so a second run sends nothing.
 */
export const escalateAlerts = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'alerts-escalate', triggers: [{ cron: '* * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const orgs = await step.run('orgs', () => orgsEscalating(db));
    let escalated = 0;
    let sent = 0;
    for (const orgId of orgs) {
      const r = await step.run(`escalate-${orgId}`, () => escalateOrg(db, notifier, orgId, now));
      escalated += r.escalated;
      sent += r.sent;
    }
    return { orgs: orgs.length, escalated, sent };
  });

async function escalateOrg(db: Db, notifier: Notifier, orgId: string, now: Date) {
  const target = await escalationTarget(db, orgId);
  if (!target) return { escalated: 0, sent: 0 };
  const due = await dueEscalations(db, orgId, target.afterMinutes, now);
  if (!due.edge.length && !due.pool.length) return { escalated: 0, sent: 0 };
  let secret: string | undefined;
  try {
    secret = target.channel.secretEnc ? notifier.openSecret(target.channel.secretEnc) : undefined;
  } catch {
    secret = undefined;
  }
  const channel = { orgId, userId: target.channel.userId, channelId: target.channel.id, channel: target.channel.kind, format: target.channel.format, target: target.channel.target, secret };
  const common = { locale: target.locale, appName: PRODUCT_NAME, afterMinutes: target.afterMinutes };
  let sent = 0;
  const send = async (dedupeKey: string, m: { subject: string; text: string }, payload: Record<string, unknown>) => {
    const r = await notifier.deliver(db, { ...channel, kind: 'alert.escalation', dedupeKey: `${dedupeKey}:${target.channel.id}`, ...m, payload });
    if (r.status === 'sent') sent++;
  };
  for (const g of groupStorms(due.edge.map((a) => ({ ...a, value: a.value })))) {
    const events: DueEdgeAlert[] = g.kind === 'single' ? [g.event] : g.events;
    const first = events[0]!;
    const sample = g.kind === 'single' ? [g.event] : g.sample;
    const m = escalationMessage({ ...common, source: 'edge', rule: first.rule, site: first.site, openedAt: first.openedAt, count: events.length, sample: sample.map((a) => ({ name: a.miner, value: a.value })) });
    await send(g.kind === 'single' ? `escalation:edge:${first.alertId}` : stormKey('escalation:edge-storm', events), m, {
      source: 'edge',
      rule: first.rule,
      siteId: first.siteId,
      site: first.site,
      count: events.length,
      afterMinutes: target.afterMinutes,
      alerts: sample.map((a) => ({ alertId: a.alertId, minerId: a.minerId, miner: a.miner, value: a.value, openedAt: new Date(a.openedAt).toISOString() })),
    });
  }
  const pool = due.pool.map((a) => ({ ...a, ruleId: a.kind, siteId: a.accountId ?? '', minerId: a.subject, value: null }));
  for (const g of groupStorms(pool)) {
    const events: DuePoolAlert[] = g.kind === 'single' ? [g.event] : g.events;
    const first = events[0]!;
    const sample = g.kind === 'single' ? [g.event] : g.sample;
    const m = escalationMessage({ ...common, source: 'pool', kind: first.kind, openedAt: first.openedAt, count: events.length, sample: sample.map((a) => ({ name: a.subject })) });
    await send(g.kind === 'single' ? `escalation:pool:${first.alertId}` : stormKey('escalation:pool-storm', events), m, {
      source: 'pool',
      kind: first.kind,
      count: events.length,
      afterMinutes: target.afterMinutes,
      alerts: sample.map((a) => ({ alertId: a.alertId, subject: a.subject, openedAt: new Date(a.openedAt).toISOString() })),
    });
  }
  await markEscalated(db, orgId, { edge: due.edge.map((a) => a.alertId), pool: due.pool.map((a) => a.alertId) }, now);
  return { escalated: due.edge.length + due.pool.length, sent };
}
