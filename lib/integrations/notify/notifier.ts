import type { Db } from '@/db/client';
import { env } from '@/lib/env';
import { deliver, type DeliverOptions, type DeliverResult } from './deliver';
import { openSecret } from './secret-box';
import type { Notification } from './types';

/** A stored notification channel as the jobs load it (notification_channels' row). */
export type StoredChannel = { id: string | null; orgId?: string; userId?: string; kind: Notification['channel']; format: NonNullable<Notification['format']>; target: string; secretEnc: string | null };
/** What a job says; the channel's own fields come from the channel. */
export type ChannelMessage = Omit<Notification, 'orgId' | 'userId' | 'channelId' | 'channel' | 'format' | 'target' | 'secret'> & { orgId: string; userId: string | null };

/** Delivers notifications with one set of options, and opens the sealed secrets of their channels. */
export type Notifier = {
  deliver(db: Db, n: Notification): Promise<DeliverResult>;
  /**
   * One message to one stored channel: its sealed secret opened (a secret that no longer opens —
   * AUTH_SECRET rotated since — is sent without, and the delivery log says how it went).
   */
  deliverToChannel(db: Db, channel: StoredChannel, m: ChannelMessage): Promise<DeliverResult>;
  /** A channel's webhook secret in clear; throws when it cannot be read (AUTH_SECRET rotated since). */
  openSecret(sealed: string): string;
};

/** The configured SMTP server, webhook policy and AUTH_SECRET unless `options` name others. */
export function createNotifier(options: DeliverOptions & { appSecret?: string } = {}): Notifier {
  const { appSecret, ...deliverOptions } = options;
  const open = (sealed: string) => openSecret(sealed, appSecret ?? env().authSecret);
  const readable = (sealed: string | null) => {
    if (!sealed) return undefined;
    try {
      return open(sealed);
    } catch {
      return undefined;
    }
  };
  return {
    deliver: (db, n) => deliver(db, n, deliverOptions),
    deliverToChannel: (db, c, m) => deliver(db, { ...m, channelId: c.id, channel: c.kind, format: c.format, target: c.target, secret: readable(c.secretEnc) }, deliverOptions),
    openSecret: open,
  };
}
