import type { Db } from '@/db/client';
import { loadAlertInputs } from '@/db/queries/power/alert-inputs';
import { markPowerAlertsNotified, orgsWithUnsentPowerAlerts, raisePowerAlerts, unsentPowerAlerts } from '@/db/queries/power/alerts';
import { PRODUCT_NAME } from '@/lib/domain/brands/app-name';
import { powerAlerts } from '@/lib/domain/power/alerts';
import type { Notifier } from '@/lib/integrations/notify';
import { powerAlertMessage } from '@/lib/notifications/power-alert';
import type { JobsClient } from '../../client';

/**
 * Every five minutes (a peak warning has 30 minutes of lead): judges every site
 * (lib/domain/power/alerts.ts), stores the alerts new for their (site, kind, period), then sends each
 * organization's unsent alerts to the channels it chose. Idempotent: a re-run raises nothing the
 * first raised, and each message has a dedupe key per alert and channel, so a retried step sends
 * nothing twice. Loading and judging share a step, so no tariff crosses a step boundary as JSON.
 */
export const powerAlertsJob = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'power-alerts', triggers: [{ cron: '*/5 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const raised = await step.run('raise', async () => {
      const sites = await loadAlertInputs(db, now);
      const alerts = sites.flatMap((s) => powerAlerts(s, now).map((a) => ({ ...a, orgId: s.orgId })));
      return (await raisePowerAlerts(db, alerts, now)).length;
    });
    const orgs = await step.run('orgs', () => orgsWithUnsentPowerAlerts(db));
    let sent = 0;
    for (const orgId of orgs) sent += await step.run(`notify-${orgId}`, () => notifyOrg(db, notifier, orgId, now));
    return { raised, orgs: orgs.length, sent };
  });

async function notifyOrg(db: Db, notifier: Notifier, orgId: string, now: Date): Promise<number> {
  const { alerts, channels } = await unsentPowerAlerts(db, orgId);
  let sent = 0;
  for (const { channel, locale } of channels) {
    for (const a of alerts) {
      const m = powerAlertMessage({ locale, appName: PRODUCT_NAME, kind: a.kind, site: a.site, timeZone: a.timeZone, detail: a.detail });
      const r = await notifier.deliverToChannel(db, channel, {
        orgId,
        userId: channel.userId,
        kind: `power.${a.kind}`,
        dedupeKey: `power-alert:${a.id}:${channel.id}`,
        ...m,
        payload: { alertId: a.id, kind: a.kind, severity: a.severity, siteId: a.siteId, site: a.site, period: a.period, detail: a.detail },
      });
      if (r.status === 'sent') sent++;
    }
  }
  await markPowerAlertsNotified(db, alerts.map((a) => a.id), now);
  return sent;
}
