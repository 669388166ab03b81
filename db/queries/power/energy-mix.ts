import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { AppError } from '@/lib/core/errors';
import { isOrgWide, type Scope } from '@/lib/core/scope';
import { type EnergyMix, mixOrSingle } from '@/lib/domain/power/carbon';
import { addDays, localDate, zonedMidnight } from '@/lib/domain/power/zone';
import type { Db } from '../../client';
import { siteEnergyMix, sites } from '../../schema';
import { recordAudit } from '../admin/audit';
import { scopeWhere } from '../scope';

/*
 * Energy mixes are effective-dated (db/schema/power-alerts.ts): a version runs from its
 * `effective_from` (a site-local midnight) until the next. An edit adds a version from a future local
 * day — never today or before — so the CO₂ of an hour already aggregated, billed or reported never
 * changes under it; the same future day given again replaces that version (it was never in force).
 */

export type MixVersion = { effectiveFrom: Date; mix: EnergyMix };
export type SiteMix = { siteId: string; name: string; timeZone: string; energySource: EnergyMix[number]['source']; stored: boolean; mix: EnergyMix; since: Date | null; next: MixVersion | null };

/** A site's stored versions, oldest first (empty: none stored). */
export async function siteMixVersions(db: Db, siteId: string): Promise<MixVersion[]> {
  const rows = await db
    .select({ effectiveFrom: siteEnergyMix.effectiveFrom, source: siteEnergyMix.source, shareBp: siteEnergyMix.shareBp })
    .from(siteEnergyMix)
    .where(eq(siteEnergyMix.siteId, siteId))
    .orderBy(asc(siteEnergyMix.effectiveFrom), asc(siteEnergyMix.source));
  return groupVersions(rows);
}

function groupVersions(rows: { effectiveFrom: Date; source: EnergyMix[number]['source']; shareBp: number }[]): MixVersion[] {
  const out: MixVersion[] = [];
  for (const r of rows) {
    const last = out.at(-1);
    if (last && last.effectiveFrom.getTime() === r.effectiveFrom.getTime()) last.mix.push({ source: r.source, shareBp: r.shareBp });
    else out.push({ effectiveFrom: r.effectiveFrom, mix: [{ source: r.source, shareBp: r.shareBp }] });
  }
  return out;
}

/** The version in force at `at` (null: before the first, so the site's single energy_source). */
export const mixAt = (versions: MixVersion[], at: Date) => versions.filter((v) => v.effectiveFrom <= at).at(-1) ?? null;

/** Each site in scope with the mix in force at `now` (else all its single `energy_source`, stored: false) and the next version, if one is scheduled. */
export async function siteEnergyMixes(db: Db, scope: Scope, now: Date): Promise<SiteMix[]> {
  const rows = await db
    .select({ siteId: sites.id, name: sites.name, timeZone: sites.timeZone, energySource: sites.energySource, effectiveFrom: siteEnergyMix.effectiveFrom, source: siteEnergyMix.source, shareBp: siteEnergyMix.shareBp })
    .from(sites)
    .leftJoin(siteEnergyMix, eq(siteEnergyMix.siteId, sites.id))
    .where(scopeWhere({ orgId: sites.orgId, siteId: sites.id }, scope))
    .orderBy(asc(sites.name), asc(sites.id), asc(siteEnergyMix.effectiveFrom), asc(siteEnergyMix.source));
  const bySite = new Map<string, { site: (typeof rows)[number]; versions: { effectiveFrom: Date; source: EnergyMix[number]['source']; shareBp: number }[] }>();
  for (const r of rows) {
    const s = bySite.get(r.siteId) ?? { site: r, versions: [] };
    if (r.effectiveFrom && r.source && r.shareBp) s.versions.push({ effectiveFrom: r.effectiveFrom, source: r.source, shareBp: r.shareBp });
    bySite.set(r.siteId, s);
  }
  return [...bySite.values()].map(({ site, versions }) => {
    const all = groupVersions(versions);
    const current = mixAt(all, now);
    const next = all.find((v) => v.effectiveFrom > now) ?? null;
    return { siteId: site.siteId, name: site.name, timeZone: site.timeZone, energySource: site.energySource, stored: current !== null, mix: mixOrSingle(current?.mix ?? [], site.energySource), since: current?.effectiveFrom ?? null, next };
  });
}

/**
 * A new version of a site's mix (shares sum to 10,000 bp, checked by energyMixSchema) from the local
 * midnight of `effectiveDate` (default: tomorrow in the site's zone), which must be after today there;
 * owners and admins only, audited with the version in force before and the new one.
 */
export async function saveSiteEnergyMix(db: Db, scope: Scope, actorUserId: string, input: { siteId: string; mix: EnergyMix; effectiveDate?: string }, now: Date) {
  if (!isOrgWide(scope)) throw new AppError('FORBIDDEN');
  if (input.mix.reduce((a, m) => a + m.shareBp, 0) !== 10_000) throw new AppError('VALIDATION', 'mix', { shares: 'sum100' });
  return db.transaction(async (tx) => {
    const [site] = await tx.select({ id: sites.id, timeZone: sites.timeZone }).from(sites).where(and(eq(sites.id, input.siteId), eq(sites.orgId, scope.orgId)));
    if (!site) throw new AppError('NOT_FOUND', 'site');
    // One edit of a site's mix at a time: two would each replace the other's future version.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`energy-mix:${site.id}`}))`);
    const today = localDate(now, site.timeZone);
    const day = input.effectiveDate ?? addDays(today, 1);
    if (day <= today) throw new AppError('VALIDATION', 'mix effective date', { effectiveDate: 'past' });
    const effectiveFrom = zonedMidnight(day, site.timeZone);
    const versions = await siteMixVersions(tx, site.id);
    const before = mixAt(versions, effectiveFrom);
    // Versions from that day on were never in force (all are after today): the new one replaces them.
    await tx.delete(siteEnergyMix).where(and(eq(siteEnergyMix.siteId, site.id), gte(siteEnergyMix.effectiveFrom, effectiveFrom)));
    await tx.insert(siteEnergyMix).values(input.mix.map((m) => ({ siteId: site.id, orgId: scope.orgId, effectiveFrom, source: m.source, shareBp: m.shareBp, createdBy: actorUserId })));
    await recordAudit(tx, {
      orgId: scope.orgId,
      actorUserId,
      action: 'power.energy-mix.update',
      entityType: 'site',
      entityId: site.id,
      before: { mix: before?.mix ?? null, effectiveFrom: before?.effectiveFrom.toISOString() ?? null },
      after: { mix: input.mix, effectiveFrom: effectiveFrom.toISOString() },
    });
    return { effectiveFrom };
  });
}
