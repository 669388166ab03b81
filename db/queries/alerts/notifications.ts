import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { notificationDeliveries } from '../../schema';
import { type PageRequest, pageOf, windowTotal } from '../pagination';

type NewDelivery = typeof notificationDeliveries.$inferInsert;

/**
 * Takes a delivery for sending. A fresh dedupe key inserts a pending row; a key already sent or
 * failed returns `duplicate`; a pending one (a crash mid-send) is taken over, so a retried job
 * completes it rather than dropping it.
 */
export async function claimDelivery(db: Db, row: NewDelivery): Promise<{ id: number; duplicate: boolean; status: string }> {
  const [inserted] = await db.insert(notificationDeliveries).values(row).onConflictDoNothing().returning({ id: notificationDeliveries.id });
  if (inserted) return { id: inserted.id, duplicate: false, status: 'pending' };
  const [existing] = await db
    .select({ id: notificationDeliveries.id, status: notificationDeliveries.status })
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.dedupeKey, row.dedupeKey!));
  if (!existing) throw new Error('delivery claim lost its row');
  return { id: existing.id, duplicate: existing.status !== 'pending', status: existing.status };
}

export async function finishDelivery(db: Db, id: number, result: { ok: boolean; attempts: number; responseStatus?: number; error?: string }, now: Date) {
  await db
    .update(notificationDeliveries)
    .set({
      status: result.ok ? 'sent' : 'failed',
      attempts: sql`${notificationDeliveries.attempts} + ${result.attempts}`,
      responseStatus: result.responseStatus ?? null,
      lastError: result.ok ? null : (result.error ?? 'failed'),
      sentAt: result.ok ? now : null,
    })
    .where(eq(notificationDeliveries.id, id));
}

export type DeliveryFilter = { status?: 'pending' | 'sent' | 'failed' };

/** A user's own delivery log, newest first. */
export async function listDeliveries(db: Db, input: { orgId: string; userId: string }, filter: DeliveryFilter, req: PageRequest) {
  const where = and(
    eq(notificationDeliveries.orgId, input.orgId),
    eq(notificationDeliveries.userId, input.userId),
    filter.status ? eq(notificationDeliveries.status, filter.status) : undefined,
  );
  const query = db
    .select({
      id: notificationDeliveries.id,
      channel: notificationDeliveries.channel,
      target: notificationDeliveries.target,
      kind: notificationDeliveries.kind,
      subject: notificationDeliveries.subject,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      responseStatus: notificationDeliveries.responseStatus,
      lastError: notificationDeliveries.lastError,
      createdAt: notificationDeliveries.createdAt,
      sentAt: notificationDeliveries.sentAt,
      total: windowTotal(),
    })
    .from(notificationDeliveries)
    .where(where)
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id));
  return pageOf(req, query);
}
