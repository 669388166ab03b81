import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { miners } from '../../schema';
import { recordAudit } from '../admin/audit';
import { type ResolvedMinerRow, UNIQUE_FIELDS } from './miner-rows';
import { minerScope } from '../scope';
import { AppError } from '@/lib/core/errors';
import type { Writer } from '@/lib/core/principal';


/**
 * A unique-index violation (two writers racing past the pre-check) becomes the same 409 the
 * pre-check gives, naming the field. PGlite and postgres.js name the constraint differently, and
 * drizzle wraps the driver error in `cause`.
 */
export function conflictFrom(error: unknown): AppError | null {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 3; e = e.cause as Record<string, unknown> | undefined, depth++) {
    if (e.code !== '23505') continue;
    const name = String(e.constraint_name ?? e.constraint ?? '');
    const hit = UNIQUE_FIELDS.find((u) => u.index === name);
    return new AppError('CONFLICT', hit ? `Duplicate ${hit.field} within the site` : 'Duplicate', hit ? { [hit.field]: 'invalid' } : undefined);
  }
  return null;
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw conflictFrom(error) ?? error;
  }
}

const snapshot = (m: typeof miners.$inferSelect) => ({
  siteId: m.siteId,
  customerId: m.customerId,
  modelId: m.modelId,
  name: m.name,
  serial: m.serial,
  ipAddress: m.ipAddress,
  macAddress: m.macAddress,
  workerName: m.workerName,
  status: m.status,
});

/** Inserts resolved rows and an audit entry per site listing them, in one transaction: all land or none. */
export async function insertMiners(db: Db, who: Writer, rows: ResolvedMinerRow[], action = 'miner.batch_create') {
  return guarded(() =>
    db.transaction(async (tx) => {
      const inserted: (typeof miners.$inferSelect)[] = [];
      for (let start = 0; start < rows.length; start += 1000) {
        const chunk = rows.slice(start, start + 1000).map((r) => ({ ...r, orgId: who.orgId }));
        inserted.push(...(await tx.insert(miners).values(chunk).returning()));
      }
      // One entry per site, so a site owner reading the log sees its own site's miners and no other's.
      const bySite = new Map<string, (typeof miners.$inferSelect)[]>();
      for (const m of inserted) {
        if (!bySite.has(m.siteId)) bySite.set(m.siteId, []);
        bySite.get(m.siteId)!.push(m);
      }
      await recordAudit(
        tx,
        [...bySite].map(([siteId, list]) => ({
          orgId: who.orgId,
          actorUserId: who.userId,
          action,
          entityType: 'miner',
          entityId: list.length === 1 ? list[0]!.id : `batch:${list[0]!.id}+${list.length}`,
          siteIds: [siteId],
          before: null,
          after: list.length === 1 ? snapshot(list[0]!) : { count: list.length, miners: list.map(({ id, name }) => ({ id, name, siteId })) },
        })),
      );
      const created = inserted.map(({ id, name, siteId }) => ({ id, name, siteId }));
      return created;
    }),
  );
}

/** Edits a miner (including moving it to another site or customer) with before/after in the audit log. */
export async function updateMiner(db: Db, who: Writer, id: string, value: ResolvedMinerRow) {
  return guarded(() =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(miners).where(and(minerScope(who.scope), eq(miners.id, id))).for('update');
      if (!before) throw new AppError('NOT_FOUND');
      const [after] = await tx.update(miners).set({ ...value, updatedAt: sql`now()` }).where(eq(miners.id, id)).returning();
      await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'miner.update', entityType: 'miner', entityId: id, siteIds: [before.siteId, after!.siteId], before: snapshot(before), after: snapshot(after!) });
      return after!;
    }),
  );
}

export async function setMinerStatus(db: Db, who: Writer, id: string, status: ResolvedMinerRow['status']) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(miners).where(and(minerScope(who.scope), eq(miners.id, id))).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    if (before.status === status) return before;
    const [after] = await tx.update(miners).set({ status, updatedAt: sql`now()` }).where(eq(miners.id, id)).returning();
    await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'miner.status', entityType: 'miner', entityId: id, siteIds: [before.siteId], before: { status: before.status }, after: { status } });
    return after!;
  });
}
