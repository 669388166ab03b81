import type { Db } from '@/db/client';
import { aggregatePowerHours } from '@/db/queries/power/aggregate';
import { createContract, type ContractInput } from '@/db/queries/billing/contracts';
import { telemetryDaily } from '@/db/schema';
import type { Scope } from '@/lib/core/scope';
import { history, makePowerSite } from '../power/power-fixture';

/**
 * The power fixture's Chicago site with March measured: customer A used 2.4 kWh at peak and 0.3 kWh
 * off-peak (tests/power/bills.test.ts hand-checks that bill), and daily uptime rows for A's two
 * miners: m1 up 24 h on 1–30 March, m2 12 h on 1–10 and 24 h on 11–30, nobody on the 31st.
 */
export async function makeBillingFixture(db: Db) {
  const f = await makePowerSite(db);
  const staff: Scope = { orgId: f.org.id, sites: 'all', customers: 'all' };
  const [m1, m2, m3] = f.miners;
  for (const m of [m1!, m2!, m3!]) await history(db, m, '2026-03-10T19:00:00Z', 12, 1200);
  await history(db, m1!, '2026-03-10T18:00:00Z', 6, 1200, 0.5);
  await history(db, m3!, '2026-03-08T07:00:00Z', 24, 600);
  await aggregatePowerHours(db, f.site.id, new Date('2026-03-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'));
  const days = Array.from({ length: 30 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
  const row = (m: { id: string; orgId: string; siteId: string }, day: string, hours: number) => ({ minerId: m.id, orgId: m.orgId, siteId: m.siteId, day, samples: 288, onlineRatio: hours / 24, energyWh: 0, uptimeHours: hours });
  await db.insert(telemetryDaily).values([...days.map((d) => row(m1!, d, 24)), ...days.map((d, i) => row(m2!, d, i < 10 ? 12 : 24))]);
  return { ...f, staff };
}

export const contractInput = (o: Partial<ContractInput> & Pick<ContractInput, 'customerId' | 'siteIds'>): ContractInput => ({
  pricing: 'per_kwh',
  rate: 6_500,
  reservedKw: 0,
  energyPassThrough: false,
  revenueShareBps: 0,
  depositCents: 0,
  startDate: '2026-01-01',
  termMonths: 12,
  autoRenew: false,
  slaUptimeBps: 0,
  slaCreditBpsPerPoint: 0,
  slaCreditCapBps: 0,
  taxBps: 825,
  paymentTermsDays: 15,
  minerIds: [],
  ...o,
});

export { createContract };
