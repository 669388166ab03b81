import type { Db } from '@/db/client';
import { markSystemAlertsNotified, purgeSystemAlerts, raiseSystemAlerts, unsentSystemAlerts } from '@/db/queries/system/alerts';
import { purgeMonitoring } from '@/db/queries/system/monitoring';
import { PRODUCT_NAME } from '@/lib/domain/brands/app-name';
import { type SystemFindingKind, systemFindings } from '@/lib/domain/system/thresholds';
import type { Notifier } from '@/lib/integrations/notify';
import { systemAlertMessage } from '@/lib/notifications/system-alert';
import { loadSystemSnapshot } from '@/lib/system/monitoring';
import type { JobsClient } from '../../client';
import type { JobSchedule } from '../../triggers';

/**
 * Every five minutes: reads the installation's health (database, each job against its schedule,
 * outside services, collectors, this instance), stores the findings over SYSTEM_THRESHOLDS once per
 * (kind, subject, day), sends the unsent ones to the owners' and admins' channels (a collector's to
 * its own organization's), and drops monitoring rows past their retention. Idempotent: a re-run
 * raises nothing the first raised and every message has a dedupe key per finding and channel.
 * `schedules` lists the functions (given by createJobs, so this file does not import the list it is in).
 */
export const systemHealthCheck = (inngest: JobsClient, schedules: () => JobSchedule[]) =>
  inngest.createFunction({ id: 'system-health-check', triggers: [{ cron: '*/5 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const raised = await step.run('raise', async () => raiseSystemAlerts(db, systemFindings(await loadSystemSnapshot(db, schedules(), now), now), now));
    const sent = await step.run('notify', () => notifyAll(db, notifier, now));
    await step.run('purge', async () => {
      await purgeSystemAlerts(db, now);
      return purgeMonitoring(db, now);
    });
    return { raised, sent };
  });

async function notifyAll(db: Db, notifier: Notifier, now: Date): Promise<number> {
  const { alerts, channels } = await unsentSystemAlerts(db);
  let sent = 0;
  for (const { channel, locale } of channels) {
    for (const a of alerts) {
      if (a.orgId !== null && a.orgId !== channel.orgId) continue;
      const m = systemAlertMessage({ locale, appName: PRODUCT_NAME, kind: a.kind as SystemFindingKind, subject: a.subject, severity: a.severity, detail: a.detail });
      const r = await notifier.deliverToChannel(db, channel, {
        orgId: channel.orgId,
        userId: channel.userId,
        kind: `system.${a.kind}`,
        dedupeKey: `system-alert:${a.id}:${channel.id}`,
        ...m,
        payload: { alertId: a.id, kind: a.kind, severity: a.severity, subject: a.subject, period: a.period, detail: a.detail },
      });
      if (r.status === 'sent') sent++;
    }
  }
  await markSystemAlertsNotified(db, alerts.map((a) => a.id), now);
  return sent;
}
