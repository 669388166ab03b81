import type { Db } from '@/db/client';
import { applyFirings, type AlertChange, loadMinerStates, loadRules, minerNames, orgsWithRules, rulesWithChannels, siteNames } from '@/db/queries/edge/alerts';
import { groupStorms, stormKey } from '@/lib/domain/alerts/storm';
import { PRODUCT_NAME } from '@/lib/domain/brands/app-name';
import { firingPairs } from '@/lib/domain/telemetry/evaluate-org';
import type { Notifier } from '@/lib/integrations/notify';
import { edgeAlertMessage, edgeStormMessage } from '@/lib/notifications/edge-alert';
import type { JobsClient } from '../../client';

type Change = AlertChange & { kind: 'opened' | 'resolved' };

/**
 * Every minute: evaluates each organization's alert rules against the live telemetry, opens new
 * alerts (one per rule and miner while unresolved), resolves those that recovered, and notifies the
 * rule's channel of each change — at most once per alert and transition (dedupe key), a storm of
 * one site and rule as one message.
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
        return applyFirings(db, orgId, firing, now, rules.map((r) => r.id));
      });
      opened += changes.opened.length;
      resolved += changes.resolved.length;
      notified += await step.run(`notify-${orgId}`, () => notify(db, notifier, orgId, [...changes.opened.map((c) => ({ ...c, kind: 'opened' as const })), ...changes.resolved.map((c) => ({ ...c, kind: 'resolved' as const }))]));
    }
    return { orgs: orgs.length, opened, resolved, notified };
  });

type Rule = Awaited<ReturnType<typeof rulesWithChannels>>[number];

/**
 * One notification per alert and transition, except a storm (lib/domain/alerts/storm.ts): many
 * miners of one site tripping one rule in this evaluation go out as one message with the count and
 * a sample. Dedupe keys make a re-run of this step send nothing twice.
 */
export async function notify(db: Db, notifier: Notifier, orgId: string, changes: Change[]): Promise<number> {
  if (!changes.length) return 0;
  const rules = await rulesWithChannels(db, orgId, [...new Set(changes.map((c) => c.ruleId))]);
  if (!rules.length) return 0;
  const notified = changes.filter((c) => rules.some((r) => r.id === c.ruleId));
  const groups = (['opened', 'resolved'] as const).flatMap((transition) => groupStorms(notified.filter((c) => c.kind === transition)));
  const shown = groups.flatMap((g) => (g.kind === 'single' ? [g.event] : g.sample));
  const names = await minerNames(db, orgId, shown.map((c) => c.minerId));
  const sites = await siteNames(db, orgId, [...new Set(groups.flatMap((g) => (g.kind === 'storm' ? [g.siteId] : [])))]);
  const miner = (c: Change) => names.get(c.minerId) ?? c.minerId;
  let sent = 0;
  for (const g of groups) {
    const first = g.kind === 'single' ? g.event : g.events[0]!;
    const rule = rules.find((r) => r.id === first.ruleId)!;
    const message =
      g.kind === 'single'
        ? {
            ...edgeAlertMessage({ locale: rule.locale, appName: PRODUCT_NAME, rule: rule.name, miner: miner(first), transition: first.kind, value: first.value }),
            kind: `edge.alert.${first.kind}`,
            dedupeKey: `edge-alert:${first.alertId}:${first.kind}`,
            payload: { alertId: first.alertId, rule: rule.name, ruleKind: rule.kind, severity: rule.severity, minerId: first.minerId, miner: miner(first), value: first.value, transition: first.kind },
          }
        : {
            ...edgeStormMessage({ locale: rule.locale, appName: PRODUCT_NAME, rule: rule.name, site: sites.get(g.siteId) ?? g.siteId, transition: first.kind, count: g.count, sample: g.sample.map((c) => ({ miner: miner(c), value: c.value })) }),
            kind: `edge.alert.storm.${first.kind}`,
            dedupeKey: stormKey(`edge-alert-storm:${first.kind}`, g.events),
            payload: {
              storm: true,
              rule: rule.name,
              ruleKind: rule.kind,
              severity: rule.severity,
              siteId: g.siteId,
              site: sites.get(g.siteId) ?? null,
              count: g.count,
              transition: first.kind,
              sample: g.sample.map((c) => ({ alertId: c.alertId, minerId: c.minerId, miner: miner(c), value: c.value })),
            },
          };
    const result = await notifier.deliver(db, { ...toChannel(notifier, rule), orgId, ...message });
    if (result.status === 'sent') sent++;
  }
  return sent;
}

/** The rule's channel as a delivery target; a secret that no longer opens (AUTH_SECRET rotated) fails that delivery only. */
function toChannel(notifier: Notifier, rule: Rule) {
  let secret: string | undefined;
  try {
    secret = rule.channel.secretEnc ? notifier.openSecret(rule.channel.secretEnc) : undefined;
  } catch {
    secret = undefined;
  }
  return { userId: rule.channel.userId, channelId: rule.channel.id, channel: rule.channel.kind, format: rule.channel.format, target: rule.channel.target, secret };
}
