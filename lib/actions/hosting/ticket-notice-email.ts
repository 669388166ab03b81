import type { Db } from '@/db/client';
import type { TicketNotice } from '@/db/queries/ticket-writes';
import { ticketNoticeMessage } from '@/lib/domain/hosting/ticket-notice-message';
import { env } from '@/lib/env';
import { deliver, type DeliverResult, type SmtpConfig } from '@/lib/integrations/notify';

/**
 * Emails each notice to its user when SMTP is configured (the in-app notice is already stored with
 * the change). Each notice is sent at most once: its id is the delivery's dedupe key.
 */
export async function emailTicketNotices(db: Db, orgId: string, notices: TicketNotice[], opts: { baseUrl: string; smtp?: SmtpConfig }): Promise<DeliverResult[]> {
  const smtp = opts.smtp ?? env().smtp;
  if (!smtp || !notices.length) return [];
  const results: DeliverResult[] = [];
  for (const n of notices) {
    const url = `${opts.baseUrl}/${n.locale === 'zh' ? 'zh' : 'en'}/hosting/tickets/${n.ticket.id}`;
    const { subject, text } = ticketNoticeMessage({ locale: n.locale, kind: n.kind, number: n.ticket.number, title: n.ticket.title, status: n.ticket.status, url });
    results.push(
      await deliver(
        db,
        { orgId, userId: n.userId, channel: 'email', target: n.email, kind: `ticket.${n.kind}`, dedupeKey: `ticket-notice:${n.id}`, subject, text, payload: { ticketId: n.ticket.id, number: n.ticket.number } },
        { smtp, email: { maxAttempts: 2, backoffMs: 500 } },
      ),
    );
  }
  return results;
}
