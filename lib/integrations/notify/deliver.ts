import type { Db } from '@/db/client';
import { claimDelivery, finishDelivery } from '@/db/queries/alerts/notifications';
import { env } from '@/lib/env';
import { sendEmail } from './email';
import type { AttemptOutcome, Notification, SmtpConfig } from './types';
import { slackBody, telegramBody } from './chat-bodies';
import { postJson, postWebhook, type WebhookOptions } from './webhook';

/** The Bot API's address; another one (a self-hosted Bot API server, a test's fake) through DeliverOptions. */
export const TELEGRAM_API = 'https://api.telegram.org';

export type DeliverOptions = {
  /** Defaults to env().smtp; without one, email deliveries are logged as failed. */
  smtp?: SmtpConfig;
  webhook?: WebhookOptions;
  telegramApiBase?: string;
  email?: { maxAttempts?: number; backoffMs?: number };
  now?: () => Date;
};

export type DeliverResult = { deliveryId: number; status: 'sent' | 'failed' | 'duplicate'; attempts: number; error?: string };

/**
 * Sends one notification and records it in notification_deliveries: the row is claimed before
 * sending (so a dedupe key goes out once) and closed with the outcome, attempts and last error.
 */
export async function deliver(db: Db, n: Notification, opts: DeliverOptions = {}): Promise<DeliverResult> {
  const now = opts.now ?? (() => new Date());
  const claim = await claimDelivery(db, {
    orgId: n.orgId,
    userId: n.userId,
    channelId: n.channelId ?? null,
    channel: n.channel,
    target: n.target,
    kind: n.kind,
    dedupeKey: n.dedupeKey ?? null,
    subject: n.subject.slice(0, 300),
  });
  if (claim.duplicate) return { deliveryId: claim.id, status: 'duplicate', attempts: 0 };
  const outcome = withoutSecret(await send(n, claim.id, now(), opts), n.secret);
  await finishDelivery(db, claim.id, outcome, now());
  return { deliveryId: claim.id, status: outcome.ok ? 'sent' : 'failed', attempts: outcome.attempts, error: outcome.error };
}

async function send(n: Notification, deliveryId: number, at: Date, opts: DeliverOptions): Promise<AttemptOutcome> {
  if (n.channel === 'email') {
    const smtp = opts.smtp ?? env().smtp;
    if (!smtp) return { ok: false, attempts: 0, error: 'SMTP is not configured (set SMTP_HOST)' };
    return sendEmail(smtp, { to: n.target, subject: n.subject, text: n.text, senderName: n.senderName, attachments: n.attachments }, opts.email);
  }
  if (!n.secret) return { ok: false, attempts: 0, error: 'webhook secret missing or unreadable' };
  if (n.format === 'slack') return postJson({ url: n.secret, body: JSON.stringify(slackBody(n)) }, opts.webhook);
  if (n.format === 'telegram') {
    const base = (opts.telegramApiBase ?? TELEGRAM_API).replace(/\/+$/, '');
    return postJson({ url: `${base}/bot${n.secret}/sendMessage`, body: JSON.stringify(telegramBody(n, n.target)) }, opts.webhook);
  }
  const timestamp = Math.floor(at.getTime() / 1000);
  // The timestamp is inside the signed body too, so a receiver can refuse replays of old bodies.
  const body = JSON.stringify({ id: String(deliveryId), kind: n.kind, subject: n.subject, text: n.text, sentAt: at.toISOString(), timestamp, data: n.payload });
  return postWebhook({ url: n.target, secret: n.secret, body, deliveryId: String(deliveryId), timestamp }, opts.webhook);
}

/** A URL or a token is the secret of a chat channel: an error that quotes it is stored without it. */
function withoutSecret(outcome: AttemptOutcome, secret: string | undefined): AttemptOutcome {
  if (!secret || !outcome.error?.includes(secret)) return outcome;
  return { ...outcome, error: outcome.error.split(secret).join('[secret]') };
}
