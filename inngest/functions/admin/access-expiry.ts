import { disableExpired, expiredMembers } from '@/db/queries/admin/access-expiry';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { accessExpiredMessage } from '@/lib/notifications/account-links';
import type { JobsClient } from '../../client';

/**
 * Every 15 minutes: accounts whose access period has ended are disabled (sessions, API tokens and
 * links end with it) and told so by e-mail. Sign-in and every request already refuse an expired
 * period (lib/auth/access.ts); this makes it visible on /admin/users and ends what a check per
 * request does not reach. A rerun finds them disabled and does nothing; the e-mail's dedupe key
 * (membership and end date) sends it once even when a retry repeats the step.
 */
export const adminAccessExpiry = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'admin-access-expiry', triggers: [{ cron: '*/15 * * * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const expired = await step.run('expired', () => expiredMembers(db, now));
    let disabled = 0;
    for (const m of expired) {
      const changed = await step.run(`disable-${m.membershipId}`, () => disableExpired(db, m, now));
      if (!changed) continue;
      disabled++;
      await step.run(`notify-${m.membershipId}`, async () => {
        const { subject, text } = accessExpiredMessage({ locale: m.locale, name: m.name, appName: appNameOf(null), until: m.until.slice(0, 10) });
        const result = await notifier.deliver(db, { orgId: m.orgId, userId: m.userId, channel: 'email', target: m.email, kind: 'user.access_expired', dedupeKey: `access-expired:${m.membershipId}:${m.until}`, subject, text, payload: { until: m.until } });
        return result.status;
      });
    }
    return { expired: expired.length, disabled };
  });
