import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { recordExternal } from '@/lib/observability/metrics';
import type { AttemptOutcome, MailAttachment, SmtpConfig } from './types';

/**
 * SMTP_FROM, or its address under another display name (a white-label brand's), so a brand's
 * customer never reads the product's name in the From line. The address stays the configured one:
 * it is the one the mail server is allowed to send as.
 */
export function fromHeader(configured: string, senderName?: string): string | { name: string; address: string } {
  if (!senderName) return configured;
  const [first] = addressparser(configured, { flatten: true });
  return first?.address ? { name: senderName, address: first.address } : configured;
}

/**
 * One SMTP send through nodemailer. Transient SMTP failures (4xx replies, connection errors) are
 * retried a few times; a 5xx reply (bad recipient, policy) is final.
 */
export async function sendEmail(smtp: SmtpConfig, mail: { to: string; subject: string; text: string; senderName?: string; attachments?: MailAttachment[] }, opts: { maxAttempts?: number; backoffMs?: number; timeoutMs?: number } = {}): Promise<AttemptOutcome> {
  const maxAttempts = opts.maxAttempts ?? 3;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure ?? smtp.port === 465,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    connectionTimeout: opts.timeoutMs ?? 10_000,
    greetingTimeout: opts.timeoutMs ?? 10_000,
    socketTimeout: opts.timeoutMs ?? 20_000,
  });
  let last: AttemptOutcome = { ok: false, attempts: 0, error: 'not attempted' };
  try {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) await new Promise((r) => setTimeout(r, (opts.backoffMs ?? 1_000) * 2 ** (attempt - 2)));
      const started = performance.now();
      const integration = `smtp:${smtp.host}:${smtp.port}`;
      try {
        await transport.sendMail({ from: fromHeader(smtp.from, mail.senderName), to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments });
        recordExternal({ integration, at: new Date(), ms: performance.now() - started, ok: true, error: null });
        return { ok: true, attempts: attempt };
      } catch (e) {
        const code = (e as { responseCode?: number }).responseCode;
        // The reply code only: an SMTP server's text can quote the recipient.
        recordExternal({ integration, at: new Date(), ms: performance.now() - started, ok: false, error: code === undefined ? 'connection' : `SMTP ${code}` });
        last = { ok: false, attempts: attempt, responseStatus: code, error: (e as Error).message.slice(0, 500) };
        if (code !== undefined && code >= 500) return last;
      }
    }
    return last;
  } finally {
    transport.close();
  }
}
