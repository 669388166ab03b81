import { eq, inArray } from 'drizzle-orm';
import { applyFirings, loadMinerStates, loadRules, orgsWithRules } from '@/db/queries/edge-alerts';
import { edgeAlertRules, miners, notificationChannels } from '@/db/schema';
import { firingPairs } from '@/lib/domain/telemetry/evaluate-org';
import { env } from '@/lib/env';
import { deliver, openSecret } from '@/lib/integrations/notify';
import { inngest } from '../../client';
import { jobDb } from '../../context';

/**
 * Every minute: evaluates each organization's alert rules against the live telemetry, opens new
 * alerts (one per rule and miner while unresolved), resolves those that recovered, and notifies the
 * rule's channel of each change — at most once per alert and transition (dedupe key).
 */
export const evaluateEdgeAlerts = inngest.createFunction(
  { id: 'telemetry-evaluate-alerts', triggers: [{ cron: '* * * * *' }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const now = new Date(await step.run('now', () => new Date().toISOString()));
    const orgs = await step.run('orgs', async () => orgsWithRules(await jobDb()));
    let opened = 0;
    let resolved = 0;
    let notified = 0;
    for (const orgId of orgs) {
      const changes = await step.run(`evaluate-${orgId}`, async () => {
        const db = await jobDb();
        const rules = await loadRules(db, orgId);
        const firing = firingPairs(rules, await loadMinerStates(db, orgId), now);
        return applyFirings(db, orgId, firing, now);
      });
      opened += changes.opened.length;
      resolved += changes.resolved.length;
      notified += await step.run(`notify-${orgId}`, async () => notify(orgId, [...changes.opened.map((c) => ({ ...c, kind: 'opened' as const })), ...changes.resolved.map((c) => ({ ...c, kind: 'resolved' as const }))]));
    }
    return { orgs: orgs.length, opened, resolved, notified };
  },
);

async function notify(orgId: string, changes: { alertId: string; ruleId: string; minerId: string; value: string | null; kind: 'opened' | 'resolved' }[]): Promise<number> {
  if (!changes.length) return 0;
  const db = await jobDb();
  const rules = await db
    .select({ id: edgeAlertRules.id, name: edgeAlertRules.name, kind: edgeAlertRules.kind, channel: notificationChannels })
    .from(edgeAlertRules)
    .innerJoin(notificationChannels, eq(notificationChannels.id, edgeAlertRules.channelId))
    .where(inArray(edgeAlertRules.id, [...new Set(changes.map((c) => c.ruleId))]));
  if (!rules.length) return 0;
  const names = new Map((await db.select({ id: miners.id, name: miners.name }).from(miners).where(inArray(miners.id, changes.map((c) => c.minerId)))).map((m) => [m.id, m.name]));
  let sent = 0;
  for (const c of changes) {
    const rule = rules.find((r) => r.id === c.ruleId);
    if (!rule) continue;
    const miner = names.get(c.minerId) ?? c.minerId;
    const subject = `[HashInsight] ${rule.name}: ${miner} ${c.kind === 'opened' ? 'alert' : 'recovered'}${c.value ? ` (${c.value})` : ''}`;
    const result = await deliver(db, {
      orgId,
      userId: rule.channel.userId,
      channelId: rule.channel.id,
      channel: rule.channel.kind,
      target: rule.channel.target,
      secret: rule.channel.secretEnc ? openSecret(rule.channel.secretEnc, env().authSecret) : undefined,
      kind: `edge.alert.${c.kind}`,
      dedupeKey: `edge-alert:${c.alertId}:${c.kind}`,
      subject,
      text: subject,
      payload: { alertId: c.alertId, rule: rule.name, ruleKind: rule.kind, minerId: c.minerId, miner, value: c.value, transition: c.kind },
    });
    if (result.status === 'sent') sent++;
  }
  return sent;
}
