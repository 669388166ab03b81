import type { Db } from '@/db/client';
import { env } from '@/lib/env';
import { deliver, type DeliverOptions, type DeliverResult } from './deliver';
import { openSecret } from './secret-box';
import type { Notification } from './types';

/** Delivers notifications with one set of options, and opens the sealed secrets of their channels. */
export type Notifier = {
  deliver(db: Db, n: Notification): Promise<DeliverResult>;
  /** A channel's webhook secret in clear; throws when it cannot be read (AUTH_SECRET rotated since). */
  openSecret(sealed: string): string;
};

/** The configured SMTP server, webhook policy and AUTH_SECRET unless `options` name others. */
export function createNotifier(options: DeliverOptions & { appSecret?: string } = {}): Notifier {
  const { appSecret, ...deliverOptions } = options;
  return {
    deliver: (db, n) => deliver(db, n, deliverOptions),
    openSecret: (sealed) => openSecret(sealed, appSecret ?? env().authSecret),
  };
}
