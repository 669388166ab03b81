import type { Db } from '@/db/client';
import { type AlertSnapshot, applyRuleUpdates, listRulesForEvaluation, loadAlertSnapshot, type RuleForEvaluation } from '@/db/queries/alerts/evaluation';
import { channelForDelivery } from '@/db/queries/alerts/notification-channels';
import { difficultyChangePct, evaluateRule, notifies, type Observation } from '@/lib/domain/alerts/evaluate';
import { alertMessage } from '@/lib/notifications/profitability-alert';
import { PRODUCT_NAME } from '@/lib/domain/brands/app-name';
import { personalDaily } from '@/lib/domain/mining/personal';
import type { Notifier } from '@/lib/integrations/notify';
import type { JobsClient } from '../../client';
import { snapshotStored } from '../../events';

/**
 * After each stored network snapshot: evaluates every profitability rule against it, records the
 * state changes in one statement, then sends one notification per (breached rule, channel) under
 * the dedupe key rule+bucket+channel. Re-running a bucket changes nothing and sends nothing new.
 */
export const evaluateProfitabilityAlerts = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'alerts-evaluate-profitability', triggers: [snapshotStored], concurrency: { limit: 1 } }, async ({ event, step, db, notifier }) => {
    const bucket = new Date(event.data.bucketStart).toISOString();
    const snapshot = await step.run('load-snapshot', () => loadAlertSnapshot(db, bucket));
    if (!snapshot) return { bucket, skipped: 'no snapshot for this bucket' };
    const rules = await step.run('load-rules', () => listRulesForEvaluation(db));

    const decided = rules.map((rule) => ({ rule, decision: evaluateRule(rule, observe(rule, snapshot), bucket) }));
    const updates = decided.flatMap(({ rule, decision }) => ('value' in decision ? [{ id: rule.id, state: decision.nextState, action: decision.action, value: decision.value }] : []));
    const applied = await step.run('apply-states', () => applyRuleUpdates(db, bucket, updates));

    const sends = decided.filter(({ decision }) => notifies(decision)).flatMap(({ rule, decision }) => rule.channelIds.map((channelId) => ({ rule, channelId, value: 'value' in decision ? decision.value : 0 })));
    const results = [];
    for (const s of sends) {
      results.push(await step.run(`notify-${s.rule.id}-${s.channelId}`, () => notify(db, notifier, s.rule, s.channelId, s.value, bucket)));
    }
    return { bucket, rules: rules.length, applied, sent: results.filter((r) => r === 'sent').length, failed: results.filter((r) => r === 'failed').length, duplicate: results.filter((r) => r === 'duplicate').length };
  });

function observe(rule: RuleForEvaluation, s: AlertSnapshot): Observation {
  const profit = rule.fleet ? personalDaily(rule.fleet, { hashpriceBtcPerThDay: s.hashpriceBtcPerPhDay / 1000, btcPriceUsd: s.btcPriceUsd }).profitUsdPerDay : null;
  return { hashpriceUsdPerPhDay: s.hashpriceUsdPerPhDay, profitUsdPerDay: profit, difficultyChangePct: difficultyChangePct(s.difficulty, s.previousEpochDifficulty) };
}

/** Loads the channel (and opens its secret) inside the step, so no secret ever lands in step output. */
async function notify(db: Db, notifier: Notifier, rule: RuleForEvaluation, channelId: string, value: number, bucket: string) {
  const channel = await channelForDelivery(db, channelId, rule.userId);
  if (!channel) return 'missing';
  let secret: string | undefined;
  try {
    secret = channel.secretEnc ? notifier.openSecret(channel.secretEnc) : undefined;
  } catch {
    secret = undefined;
  }
  const { subject, text } = alertMessage({ locale: rule.locale, kind: rule.kind, value, threshold: rule.threshold, bucket, appName: rule.brandName ?? PRODUCT_NAME });
  const result = await notifier.deliver(db, {
    orgId: rule.orgId,
    userId: rule.userId,
    channelId: channel.id,
    channel: channel.kind,
    format: channel.format,
    target: channel.target,
    secret,
    kind: `profitability.${rule.kind}`,
    dedupeKey: `profitability-rule:${rule.id}:${bucket}:${channel.id}`,
    subject,
    text,
    senderName: rule.brandName ?? undefined,
    payload: { ruleId: rule.id, rule: rule.kind, threshold: rule.threshold, value, bucketStart: bucket },
  });
  return result.status;
}
