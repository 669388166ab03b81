import { and, eq } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import { type Scope, scopeAllowsSite } from '@/lib/core/scope';
import type { Db } from '../../client';
import { siteCurtailmentSettings, sites } from '../../schema';
import { recordAudit } from '../admin/audit';

/** A site's curtailment settings (db/schema/curtailment.ts); a site without a row has none of them. */
export type CurtailmentSettings = { minOnMinutes: number; minOffMinutes: number; powerTargetPcts: number[] };
export const NO_CURTAILMENT_SETTINGS: CurtailmentSettings = { minOnMinutes: 0, minOffMinutes: 0, powerTargetPcts: [] };

export async function siteCurtailmentSettingsOf(db: Db, siteId: string): Promise<CurtailmentSettings> {
  const [row] = await db
    .select({ minOnMinutes: siteCurtailmentSettings.minOnMinutes, minOffMinutes: siteCurtailmentSettings.minOffMinutes, powerTargetPcts: siteCurtailmentSettings.powerTargetPcts })
    .from(siteCurtailmentSettings)
    .where(eq(siteCurtailmentSettings.siteId, siteId));
  return row ?? NO_CURTAILMENT_SETTINGS;
}

/** Stores a site's settings (one row per site), audited with what they were. */
export async function saveSiteCurtailmentSettings(db: Db, scope: Scope, actorUserId: string, siteId: string, input: CurtailmentSettings) {
  if (!scopeAllowsSite(scope, siteId)) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.id, siteId), eq(sites.orgId, scope.orgId)));
    if (!site) throw new AppError('NOT_FOUND', 'site');
    const before = await siteCurtailmentSettingsOf(tx, siteId);
    const values = { ...input, powerTargetPcts: [...new Set(input.powerTargetPcts)].sort((a, b) => b - a), updatedBy: actorUserId, updatedAt: new Date() };
    await tx
      .insert(siteCurtailmentSettings)
      .values({ siteId, orgId: scope.orgId, ...values })
      .onConflictDoUpdate({ target: siteCurtailmentSettings.siteId, set: values });
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'power.curtailment-settings.update', entityType: 'site', entityId: siteId, before: { ...before }, after: { ...input } });
  });
}
