import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import type { Scope } from '@/lib/core/scope';
import type { Tariff } from '@/lib/domain/power/tariff';
import { localMonthRange, zonedMidnight } from '@/lib/domain/power/zone';
import { type Db, queryRows } from '../../client';
import { siteTariffs, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { scopeWhere } from '../scope';

/** A version as entered: it takes effect at the site's local midnight starting `effectiveDate` ('YYYY-MM-DD'). */
export type TariffInput = Omit<Tariff, 'id' | 'effectiveFrom'> & { effectiveDate: string };

/**
 * Adds a version of a site's tariff (the caller holds hosting:power FULL). A version taking effect
 * inside a month already billed is refused: that bill was priced with the prices before it, and
 * issued bills are never recomputed. A version at the same instant as one not yet billed replaces it.
 */
export async function addTariffVersion(db: Db, scope: Scope, siteId: string, input: TariffInput, actorId: string | null) {
  return db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id, orgId: sites.orgId, timeZone: sites.timeZone }).from(sites).where(and(eq(sites.id, siteId), scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope)));
    if (!site) throw new AppError('NOT_FOUND', 'No such site');
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`power-bills:${site.orgId}`}))`);
    const [billed] = await queryRows<{ month: string | null }>(tx, sql`select max(month)::text as month from power_bills where site_id = ${siteId} and status = 'issued'`);
    const { effectiveDate, ...tariff } = input;
    const effectiveFrom = zonedMidnight(effectiveDate, site.timeZone);
    if (billed?.month && effectiveFrom < localMonthRange(billed.month.slice(0, 7), site.timeZone).to) {
      throw new AppError('CONFLICT', `Bills are issued up to ${billed.month.slice(0, 7)}: a new tariff can take effect only after that month`);
    }
    const values = { ...tariff, effectiveFrom, orgId: site.orgId, siteId, createdBy: actorId };
    const [row] = await tx
      .insert(siteTariffs)
      .values(values)
      .onConflictDoUpdate({ target: [siteTariffs.siteId, siteTariffs.effectiveFrom], set: { ...values, createdAt: new Date() } })
      .returning();
    await recordAudit(tx, { orgId: site.orgId, actorUserId: actorId, action: 'power.tariff_version', entityType: 'site', entityId: siteId, after: row, siteIds: [siteId] });
    return row!;
  });
}
