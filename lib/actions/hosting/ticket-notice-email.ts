import type { Db } from '@/db/client';
import type { TicketNotice } from '@/db/queries/hosting/ticket-writes';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { ticketNoticeMessage } from '@/lib/notifications/ticket-notice';
import { env } from '@/lib/env';
import { deliver, type DeliverResult, type SmtpConfig } from '@/lib/integrations/notify';

/**
 * Emails each notice to its user when SMTP is configured (the in-app notice is already stored with
 * the change). Each notice is sent at most once: its id is the delivery's dedupe key. `brand` is
 * the white-label brand whose host `baseUrl` is: its name replaces the product's in the sender,
 * subject and text, as everywhere on that host.
 */
export async function emailTicketNotices(db: Db, orgId: string, notices: TicketNotice[], opts: { baseUrl: string; brand?: { displayName: string } | null; smtp?: SmtpConfig }): Promise<DeliverResult[]> {
  const smtp = opts.smtp ?? env().smtp;
  if (!smtp || !notices.length) return [];
  const appName = appNameOf(opts.brand);
  const results: DeliverResult[] = [];
  for (const n of notices) {
    const url = `${opts.baseUrl}/${n.locale === 'zh' ? 'zh' : 'en'}/hosting/tickets/${n.ticket.id}`;
    const { subject, text } = ticketNoticeMessage({ locale: n.locale, kind: n.kind, number: n.ticket.number, title: n.ticket.title, status: n.ticket.status, url, appName });
    results.push(
      await deliver(
        db,
        { orgId, userId: n.userId, channel: 'email', target: n.email, kind: `ticket.${n.kind}`, dedupeKey: `ticket-notice:${n.id}`, subject, text, senderName: opts.brand?.displayName, payload: { ticketId: n.ticket.id, number: n.ticket.number } },
        { smtp, email: { maxAttempts: 2, backoffMs: 500 } },
      ),
    );
  }
  return results;
}
