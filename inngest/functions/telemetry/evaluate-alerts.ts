import type { Db } from '@/db/client';
import { applyFirings, type AlertChange, loadMinerStates, loadRules, minerNames, orgsWithRules, rulesWithChannels } from '@/db/queries/edge/alerts';
import { PRODUCT_NAME } from '@/lib/domain/brands/app-name';
import { firingPairs } from '@/lib/domain/telemetry/evaluate-org';
import type { Notifier } from '@/lib/integrations/notify';
import { edgeAlertMessage } from '@/lib/notifications/edge-alert';
import type { JobsClient } from '../../client';

type Change = AlertChange & { kind: 'opened' | 'resolved' };

/**
 * Every minute: evaluates each organization's alert rules against the live telemetry, opens new
 * alerts (one per rule and miner while unresolved), resolves those that recovered, and notifies the
 * rule's channel of each change — at most once per alert and transition (dedupe key).
 */
export const evaluateEdgeAlerts = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'telemetry-evaluate-alerts', triggers: [{ cron: '* * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const orgs = await step.run('orgs', () => orgsWithRules(db));
    let opened = 0;
    let resolved = 0;
    let notified = 0;
    for (const orgId of orgs) {
      const changes = await step.run(`evaluate-${orgId}`, async () => {
        const rules = await loadRules(db, orgId);
        const firing = firingPairs(rules, await loadMinerStates(db, orgId, now), now);
        return applyFirings(db, orgId, firing, now);
      });
      opened += changes.opened.length;
      resolved += changes.resolved.length;
      notified += await step.run(`notify-${orgId}`, () => notify(db, notifier, orgId, [...changes.opened.map((c) => ({ ...c, kind: 'opened' as const })), ...changes.resolved.map((c) => ({ ...c, kind: 'resolved' as const }))]));
    }
    return { orgs: orgs.length, opened, resolved, notified };
  });

async function notify(db: Db, notifier: Notifier, orgId: string, changes: Change[]): Promise<number> {
  if (!changes.length) return 0;
  const rules = await rulesWithChannels(db, orgId, [...new Set(changes.map((c) => c.ruleId))]);
  if (!rules.length) return 0;
  const names = await minerNames(db, orgId, changes.map((c) => c.minerId));
  let sent = 0;
  for (const c of changes) {
    const rule = rules.find((r) => r.id === c.ruleId);
    if (!rule) continue;
    const miner = names.get(c.minerId) ?? c.minerId;
    const { subject, text } = edgeAlertMessage({ locale: rule.locale, appName: PRODUCT_NAME, rule: rule.name, miner, transition: c.kind, value: c.value });
    const result = await notifier.deliver(db, {
      orgId,
      userId: rule.channel.userId,
      channelId: rule.channel.id,
      channel: rule.channel.kind,
      target: rule.channel.target,
      secret: rule.channel.secretEnc ? notifier.openSecret(rule.channel.secretEnc) : undefined,
      kind: `edge.alert.${c.kind}`,
      dedupeKey: `edge-alert:${c.alertId}:${c.kind}`,
      subject,
      text,
      payload: { alertId: c.alertId, rule: rule.name, ruleKind: rule.kind, minerId: c.minerId, miner, value: c.value, transition: c.kind },
    });
    if (result.status === 'sent') sent++;
  }
  return sent;
}
