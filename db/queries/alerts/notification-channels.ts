import { and, asc, eq } from 'drizzle-orm';
import type { ChannelFormat } from '@/lib/domain/alerts/channel-formats';
import type { Db } from '../../client';
import { notificationChannels, users } from '../../schema';
import type { Owner } from './mining-settings';

/** What the browser may see of a channel: never the secret, only whether one is set. */
export type ChannelView = { id: string; kind: 'email' | 'webhook'; format: ChannelFormat; label: string; target: string; hasSecret: boolean };

export async function listChannels(db: Db, owner: Owner): Promise<ChannelView[]> {
  const rows = await db
    .select({ id: notificationChannels.id, kind: notificationChannels.kind, format: notificationChannels.format, label: notificationChannels.label, target: notificationChannels.target, secretEnc: notificationChannels.secretEnc })
    .from(notificationChannels)
    .where(and(eq(notificationChannels.orgId, owner.orgId), eq(notificationChannels.userId, owner.userId)))
    .orderBy(asc(notificationChannels.kind), asc(notificationChannels.createdAt));
  return rows.map(({ secretEnc, ...r }) => ({ ...r, hasSecret: Boolean(secretEnc) }));
}

/** The address a user signed up with, as an email channel; created once, then reused. */
export async function ensureEmailChannel(db: Db, owner: Owner, email: string, label: string): Promise<string> {
  await db.insert(notificationChannels).values({ ...owner, kind: 'email', label, target: email }).onConflictDoNothing();
  const [row] = await db
    .select({ id: notificationChannels.id })
    .from(notificationChannels)
    .where(and(eq(notificationChannels.userId, owner.userId), eq(notificationChannels.orgId, owner.orgId), eq(notificationChannels.kind, 'email'), eq(notificationChannels.target, email)));
  return row!.id;
}

export async function insertWebhookChannel(db: Db, owner: Owner, input: { label: string; url: string; secretEnc: string }) {
  const [row] = await db
    .insert(notificationChannels)
    .values({ ...owner, kind: 'webhook', label: input.label, target: input.url, secretEnc: input.secretEnc })
    .onConflictDoNothing()
    .returning({ id: notificationChannels.id });
  return row?.id ?? null;
}

/** A Slack- or Telegram-compatible channel: `target` is already masked (slack) or the chat id (telegram); the secret is sealed. */
export async function insertChatChannel(db: Db, owner: Owner, input: { format: 'slack' | 'telegram'; label: string; target: string; secretEnc: string }) {
  const [row] = await db
    .insert(notificationChannels)
    .values({ ...owner, kind: 'webhook', format: input.format, label: input.label, target: input.target, secretEnc: input.secretEnc })
    .onConflictDoNothing()
    .returning({ id: notificationChannels.id });
  return row?.id ?? null;
}

/** Every channel of the organization with its owner's name: the choices for the second contact. Secrets stay out. */
export async function orgChannelOptions(db: Db, orgId: string) {
  return db
    .select({ id: notificationChannels.id, kind: notificationChannels.kind, format: notificationChannels.format, label: notificationChannels.label, owner: users.name })
    .from(notificationChannels)
    .innerJoin(users, eq(users.id, notificationChannels.userId))
    .where(eq(notificationChannels.orgId, orgId))
    .orderBy(asc(users.name), asc(notificationChannels.label));
}

export async function deleteChannel(db: Db, owner: Owner, id: string) {
  const rows = await db
    .delete(notificationChannels)
    .where(and(eq(notificationChannels.id, id), eq(notificationChannels.orgId, owner.orgId), eq(notificationChannels.userId, owner.userId)))
    .returning({ id: notificationChannels.id, kind: notificationChannels.kind, target: notificationChannels.target });
  return rows[0] ?? null;
}

/** For the delivery step only: the channel with its sealed secret, by id, for its owner. */
export async function channelForDelivery(db: Db, id: string, userId: string) {
  const [row] = await db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.id, id), eq(notificationChannels.userId, userId)));
  return row ?? null;
}
