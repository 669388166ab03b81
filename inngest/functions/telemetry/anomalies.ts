import { loadAnomalyInputs } from '@/db/queries/anomaly/inputs';
import { applyFlags, openFlagTargets, orgsWithRecentTelemetry } from '@/db/queries/anomaly/flags';
import { applyFirings, loadRules } from '@/db/queries/edge/alerts';
import { floorTo5min } from '@/db/queries/telemetry/rollups';
import { detectAnomalies } from '@/lib/domain/anomaly/detect';
import { ruleApplies } from '@/lib/domain/telemetry/alert-rules';
import type { JobsClient } from '../../client';
import { notify } from './evaluate-alerts';

/**
 * Every 15 minutes: judges each organization's miners over the last hour of five-minute buckets
 * against their 30-day baselines and their peers (lib/domain/anomaly), stores the flags (opened,
 * refreshed, resolved) and feeds the alert engine: an enabled ANOMALY rule opens one edge alert per
 * matching miner with an open flag and resolves it when the flags clear, notified like any edge
 * alert. The evaluation instant is the five-minute boundary, so a retried run judges the same
 * buckets and writes the same rows. One run at a time.
 */
export const detectTelemetryAnomalies = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'telemetry-anomalies', triggers: [{ cron: '2-59/15 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, now: clock }) => {
    const at = new Date(await step.run('at', () => floorTo5min(clock()).toISOString()));
    const orgs = await step.run('orgs', () => orgsWithRecentTelemetry(db, at));
    let flagged = 0;
    let alerts = 0;
    for (const orgId of orgs) {
      const result = await step.run(`evaluate-${orgId}`, async () => applyFlags(db, orgId, detectAnomalies(await loadAnomalyInputs(db, orgId, at)), at));
      flagged += result.open;
      const changes = await step.run(`alerts-${orgId}`, async () => {
        const rules = await loadRules(db, orgId, ['ANOMALY']);
        if (!rules.length) return { opened: [], resolved: [] };
        const targets = await openFlagTargets(db, orgId);
        const firing = rules.flatMap((rule) => targets.filter((m) => ruleApplies(rule, m)).map((m) => ({ ruleId: rule.id, minerId: m.minerId, siteId: m.siteId, value: m.value })));
        return applyFirings(db, orgId, firing, at, rules.map((r) => r.id));
      });
      alerts += changes.opened.length;
      await step.run(`notify-${orgId}`, () => notify(db, notifier, orgId, [...changes.opened.map((c) => ({ ...c, kind: 'opened' as const })), ...changes.resolved.map((c) => ({ ...c, kind: 'resolved' as const }))]));
    }
    return { at: at.toISOString(), orgs: orgs.length, flagged, alertsOpened: alerts };
  });
