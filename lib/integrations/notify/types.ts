import type { ChannelFormat } from '@/lib/domain/alerts/channel-formats';

export type ChannelKind = 'email' | 'webhook';

export type AttemptOutcome = { ok: boolean; attempts: number; responseStatus?: number; error?: string; retryable?: boolean };

export type SmtpConfig = { host: string; port: number; user?: string; pass?: string; from: string; secure?: boolean };

/** One notification to one target. `payload` becomes the webhook's `data`; `text` the email body. */
export type Notification = {
  orgId: string;
  userId: string | null;
  channelId?: string | null;
  channel: ChannelKind;
  /** Email address, webhook URL (signed), the masked URL (slack) or the chat id (telegram). */
  target: string;
  /** A webhook's body; `signed` when absent. */
  format?: ChannelFormat;
  /** In clear (decrypted by the caller's loader): the signing secret (signed), the whole URL (slack) or the bot token (telegram). */
  secret?: string;
  /** Event kind, e.g. `profitability.hashprice_below`. */
  kind: string;
  /** The same key is delivered at most once; null for no de-duplication. */
  dedupeKey?: string | null;
  subject: string;
  text: string;
  /** The e-mail's From display name instead of SMTP_FROM's (a white-label brand's name). */
  senderName?: string;
  payload: Record<string, unknown>;
  /** Files on an e-mail (an invoice's PDF); other channels ignore them. */
  attachments?: MailAttachment[];
};

export type MailAttachment = { filename: string; content: Buffer; contentType: string };
