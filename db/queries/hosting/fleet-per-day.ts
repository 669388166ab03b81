import type { Scope } from '@/lib/core/scope';
import { kpiFigures, type KpiFigures, kpiHashprice, type KpiNetwork } from '@/lib/domain/hosting/kpi';
import type { Db } from '../../client';
import { hostingKpis, type KpiRow } from './fleet';

/**
 * The organization's fleet per day for analytics: the KPI page's fleet line (hostingKpis, measured)
 * and its figures (kpiFigures at the same hashprice), so "fleet per day" there and the KPI page's
 * revenue are one computation, not two that can drift.
 */
export async function orgFleetPerDay(db: Db, scope: Scope, view: { hostCosts: boolean }, network: KpiNetwork, now = new Date()): Promise<{ fleet: KpiRow; figures: KpiFigures }> {
  const fleet = (await hostingKpis(db, scope, view, now)).find((r) => r.dim === 'all')!;
  return { fleet, figures: kpiFigures(fleet, kpiHashprice(network), network.btcPriceUsd) };
}
