import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { miners, siteLayoutPositions, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { minerScope, siteScope } from '../scope';
import { AppError } from '@/lib/core/errors';
import type { Principal } from '@/lib/core/principal';
import { type LayoutCsvRow, resolveLayoutMiners } from '@/lib/domain/hosting/layout-csv';

const CHUNK = 2000;

/** Locks the site row in the writer's scope (one import at a time per site), or NOT_FOUND. */
async function lockSite(tx: Db, who: Principal, siteId: string) {
  const [site] = await tx.select({ id: sites.id }).from(sites).where(and(siteScope(who.scope), eq(sites.id, siteId))).for('update');
  if (!site) throw new AppError('NOT_FOUND');
}

/**
 * Replaces a site's imported layout with `rows` (parsed by lib/domain/hosting/layout-csv), naming each
 * miner by serial, MAC, IP or name among the site's miners the writer may see. All or nothing: any
 * line that names no miner, two miners, or a miner already placed refuses the whole sheet with every
 * error by line (VALIDATION, details.rows), and the stored layout stays as it was.
 */
export async function replaceSiteLayout(db: Db, who: Principal, siteId: string, rows: LayoutCsvRow[]): Promise<{ placed: number; unplaced: number }> {
  return db.transaction(async (tx) => {
    await lockSite(tx, who, siteId);
    const candidates = await tx
      .select({ id: miners.id, name: miners.name, serial: miners.serial, mac: miners.macAddress, ip: sql<string | null>`host(${miners.ipAddress})` })
      .from(miners)
      .where(and(eq(miners.siteId, siteId), minerScope(who.scope)));
    const resolved = resolveLayoutMiners(rows, candidates);
    if (!resolved.ok) {
      throw new AppError('VALIDATION', `${resolved.errors.length} line(s) of the layout are invalid; nothing was written`, undefined, { details: { rows: resolved.errors } });
    }
    const before = await tx.select({ n: sql<number>`count(*)::int` }).from(siteLayoutPositions).where(eq(siteLayoutPositions.siteId, siteId));
    await tx.delete(siteLayoutPositions).where(eq(siteLayoutPositions.siteId, siteId));
    for (let i = 0; i < resolved.value.length; i += CHUNK) {
      await tx.insert(siteLayoutPositions).values(
        resolved.value.slice(i, i + CHUNK).map((r) => ({ siteId, orgId: who.orgId, minerId: r.minerId, room: r.room, rowNo: r.row, rack: r.rack, slot: r.slot })),
      );
    }
    const placed = resolved.value.length;
    await recordAudit(tx, {
      orgId: who.orgId,
      actorUserId: who.userId,
      action: 'site.layout_import',
      entityType: 'site',
      entityId: siteId,
      siteIds: [siteId],
      before: { positions: Number(before[0]?.n ?? 0) },
      after: { positions: placed },
    });
    return { placed, unplaced: candidates.length - placed };
  });
}

/** Removes a site's imported layout: the map reads the miners' names with the pattern again. */
export async function clearSiteLayout(db: Db, who: Principal, siteId: string): Promise<{ removed: number }> {
  return db.transaction(async (tx) => {
    await lockSite(tx, who, siteId);
    const removed = await tx.delete(siteLayoutPositions).where(eq(siteLayoutPositions.siteId, siteId)).returning({ minerId: siteLayoutPositions.minerId });
    if (removed.length) {
      await recordAudit(tx, { orgId: who.orgId, actorUserId: who.userId, action: 'site.layout_clear', entityType: 'site', entityId: siteId, siteIds: [siteId], before: { positions: removed.length }, after: { positions: 0 } });
    }
    return { removed: removed.length };
  });
}
