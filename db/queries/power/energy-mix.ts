import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import { isOrgWide, type Scope } from '@/lib/core/scope';
import { type EnergyMix, mixOrSingle } from '@/lib/domain/power/carbon';
import type { Db } from '../../client';
import { siteEnergyMix, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { scopeWhere } from '../scope';

export type SiteMix = { siteId: string; name: string; energySource: EnergyMix[number]['source']; stored: boolean; mix: EnergyMix };

/** Each site in scope with its mix: the stored one, else all its single `energy_source` (stored: false). */
export async function siteEnergyMixes(db: Db, scope: Scope): Promise<SiteMix[]> {
  const rows = await db
    .select({ siteId: sites.id, name: sites.name, energySource: sites.energySource, source: siteEnergyMix.source, shareBp: siteEnergyMix.shareBp })
    .from(sites)
    .leftJoin(siteEnergyMix, eq(siteEnergyMix.siteId, sites.id))
    .where(scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope))
    .orderBy(asc(sites.name), asc(sites.id), asc(siteEnergyMix.source));
  const out = new Map<string, SiteMix>();
  for (const r of rows) {
    const s = out.get(r.siteId) ?? { siteId: r.siteId, name: r.name, energySource: r.energySource, stored: false, mix: [] };
    if (r.source && r.shareBp) s.mix.push({ source: r.source, shareBp: r.shareBp });
    out.set(r.siteId, s);
  }
  return [...out.values()].map((s) => ({ ...s, stored: s.mix.length > 0, mix: mixOrSingle(s.mix, s.energySource) }));
}

/** A site's mix as a whole (shares sum to 10,000 bp, checked by energyMixSchema), replacing the last; owners and admins only, audited. */
export async function saveSiteEnergyMix(db: Db, scope: Scope, actorUserId: string, input: { siteId: string; mix: EnergyMix }) {
  if (!isOrgWide(scope)) throw new AppError('FORBIDDEN');
  if (input.mix.reduce((a, m) => a + m.shareBp, 0) !== 10_000) throw new AppError('VALIDATION', 'mix', { shares: 'sum100' });
  await db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id }).from(sites).where(and(eq(sites.id, input.siteId), eq(sites.orgId, scope.orgId)));
    if (!site) throw new AppError('NOT_FOUND', 'site');
    const before = await siteMixRows(tx, input.siteId);
    await tx.delete(siteEnergyMix).where(eq(siteEnergyMix.siteId, input.siteId));
    await tx.insert(siteEnergyMix).values(input.mix.map((m) => ({ siteId: input.siteId, orgId: scope.orgId, source: m.source, shareBp: m.shareBp })));
    await recordAudit(tx, { orgId: scope.orgId, actorUserId, action: 'power.energy-mix.update', entityType: 'site', entityId: input.siteId, before: { mix: before }, after: { mix: input.mix } });
  });
}

/** A site's stored mix rows (empty: none stored), for the aggregation's co2_g factor. */
export async function siteMixRows(db: Db, siteId: string): Promise<EnergyMix> {
  return db.select({ source: siteEnergyMix.source, shareBp: siteEnergyMix.shareBp }).from(siteEnergyMix).where(eq(siteEnergyMix.siteId, siteId)).orderBy(asc(siteEnergyMix.source));
}
