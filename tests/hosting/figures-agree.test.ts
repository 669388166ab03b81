import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { hostingFeeBasis, poolCreditedLastDay } from '@/db/queries/hosting/client-earnings';
import { fleetSummary, hostingKpis, type KpiRow } from '@/db/queries/hosting/fleet';
import { orgFleetPerDay } from '@/db/queries/hosting/fleet-per-day';
import { listSites } from '@/db/queries/hosting/sites';
import { poolVsMiner } from '@/db/queries/pool/pool-vs-miner';
import { poolAccounts, poolDailyWorkerSummaries, sites } from '@/db/schema';
import { type Scope, scopeFor } from '@/lib/core/scope';
import { clientEarnings } from '@/lib/domain/hosting/client-earnings';
import { kpiFigures, kpiHashprice, type KpiNetwork } from '@/lib/domain/hosting/kpi';
import { createTestDb } from '../helpers/db';
import { makeMeasuredFarm, type MeasuredFarm, NOW } from '../telemetry/measured-fixture';

/*
 * Figures that agree (issue 13 part 5): one farm — two sites, two customers and self-mining, miners
 * with current, stale and no telemetry, pool workers online, offline and stale, machines in
 * maintenance, typed offline and sold (tests/telemetry/measured-fixture.ts) — plus site client
 * prices and the pool's daily credits. Each page's figures are computed here through the db/queries
 * functions (and domain functions) that page calls, and must agree with each other and with the
 * counts worked out by hand from the fixture:
 *
 *   units in service 21 (19 machines, one a line of 3, one of 2; the sold one left out)
 *   hashing 10 (8 online + 2 overheating), offline 4, asleep 2, no current data 5
 *   measured hashrate 2,520 TH/s: 5 × 190 (telemetry) + 2 × 185 (pool) + 1,200 nameplate: 600 (a line
 *     of 3 hashing without a figure) + 200 + 400 (nothing current measured, set active)
 *   site Main 16 units / 4 offline; site Hot 5 units / 0 offline
 *   customer Acme: 9 units, 3 hashing, 3 offline, 970 TH/s, 20,500 W (Main 13,700, Hot 6,800)
 *
 * Rounding (documented where it happens): revenue is kpiFigures' round(TH/s × BTC/TH/day × USD × 100)
 * on the KPI page and analytics; the portal rounds to sats first, then to cents
 * (lib/domain/hosting/client-earnings.ts), so a customer's two figures differ by at most 1 cent.
 */

const NETWORK: KpiNetwork = { blockRewardBtc: 3.125, feesPerBlockBtc: 0.125, difficulty: 100e12, btcPriceUsd: 100_000 };
const HASHPRICE = kpiHashprice(NETWORK)!;

let db: Db;
let drop: () => Promise<void>;
let farm: MeasuredFarm;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  farm = await makeMeasuredFarm(db);
  await db.update(sites).set({ clientUsdPerKwh: '0.06500' }).where(eq(sites.id, farm.siteIds.main));
  await db.update(sites).set({ clientUsdPerKwh: '0.07200' }).where(eq(sites.id, farm.siteIds.hot));
  const [account] = await db.select({ id: poolAccounts.id }).from(poolAccounts).where(eq(poolAccounts.orgId, farm.orgId));
  const credit = (worker: string, day: string, earnedSats: number) => ({ accountId: account!.id, workerName: `acct.${worker}`, day, avgHs: '185000000000000', onlineHours: 24, observedHours: 24, earnedSats, efficiency: '1' });
  await db.insert(poolDailyWorkerSummaries).values([
    // The last full day (UTC) before NOW: Acme 30,000 + 12,000 + 0; Zen 25,000; self-mining 5,000.
    credit('tel-online', '2026-12-05', 30_000),
    credit('tel-offline', '2026-12-05', 12_000),
    credit('pool-invalid', '2026-12-05', 0),
    credit('pool-online-maint', '2026-12-05', 25_000),
    credit('pool-offline', '2026-12-05', 5_000),
    // An older day, and today's partial one: neither is the last full day.
    credit('tel-online', '2026-12-04', 99_999),
    credit('tel-online', '2026-12-06', 77_777),
  ]);
});
afterAll(() => drop());

const owner = () => scopeFor({ orgId: farm.orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
const client = (customer: 'acme' | 'zen') => scopeFor({ orgId: farm.orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [farm.customerIds[customer]] });

/** Each page's data path, as the page itself takes it. */
const pages = {
  async kpi(scope: Scope) {
    const rows = await hostingKpis(db, scope, { hostCosts: true }, NOW);
    const figures = (r: KpiRow) => kpiFigures(r, HASHPRICE, NETWORK.btcPriceUsd);
    return { rows, all: rows.find((r) => r.dim === 'all')!, figures, pool: await poolVsMiner(db, scope, NOW) };
  },
  dashboard: (scope: Scope) => fleetSummary(db, scope, NOW),
  sites: (scope: Scope) => listSites(db, scope, NOW),
  analytics: (scope: Scope) => orgFleetPerDay(db, scope, { hostCosts: true }, NETWORK, NOW),
  async portal(scope: Scope) {
    const [kpis, feeSites, credited, pool] = await Promise.all([hostingKpis(db, scope, { hostCosts: false }, NOW), hostingFeeBasis(db, scope, NOW), poolCreditedLastDay(db, scope, NOW), poolVsMiner(db, scope, NOW)]);
    const all = kpis.find((r) => r.dim === 'all')!;
    const earnings = clientEarnings({ hashrateThs: all.activeThs, btcPerThDay: HASHPRICE, btcPriceUsd: NETWORK.btcPriceUsd, sites: feeSites, creditedSats: credited?.sats ?? null });
    return { all, feeSites, credited, earnings, pool: pool.find((r) => r.dim === 'all')! };
  },
};

describe('figures that agree: KPI, dashboard, sites, analytics and portal from one farm', () => {
  it('count the same miners in service, hashing and offline on every page (sold not counted), as worked out by hand', async () => {
    const [kpi, dash, siteRows, analytics] = await Promise.all([pages.kpi(owner()), pages.dashboard(owner()), pages.sites(owner()), pages.analytics(owner())]);
    const counts = (f: { total: number; active: number; offline: number }) => [f.total, f.active, f.offline];
    expect(counts(kpi.all)).toEqual([21, 10, 4]);
    expect(counts(dash)).toEqual(counts(kpi.all));
    expect(counts(analytics.fleet)).toEqual(counts(kpi.all));
    expect([kpi.all.sleeping, kpi.all.unknown, dash.sleeping, dash.unknown]).toEqual([2, 5, 2, 5]);
    // The sites page: each site as on the KPI page's site breakdown, and together the fleet.
    expect(siteRows.map((s) => [s.name, s.miners, s.offline])).toEqual([
      ['Hot', 5, 0],
      ['Main', 16, 4],
    ]);
    for (const s of siteRows) expect([s.miners, s.offline]).toEqual(counts(kpi.rows.find((r) => r.dim === 'site' && r.key === s.id)!).filter((_, i) => i !== 1));
    expect(siteRows.reduce((n, s) => n + s.miners, 0)).toBe(kpi.all.total);
    expect(siteRows.reduce((n, s) => n + s.offline, 0)).toBe(kpi.all.offline);
  });

  it('show one measured hashrate and power, with the same sources, on KPI, dashboard and analytics', async () => {
    const [kpi, dash, analytics] = await Promise.all([pages.kpi(owner()), pages.dashboard(owner()), pages.analytics(owner())]);
    expect(kpi.all.activeThs).toBeCloseTo(2520, 6);
    expect(kpi.all.thsBySource).toEqual({ telemetry: 950, pool: 370, nameplate: 1200 });
    for (const f of [dash, analytics.fleet]) {
      expect(f.activeThs).toBeCloseTo(kpi.all.activeThs, 9);
      expect(f.thsBySource).toEqual(kpi.all.thsBySource);
      expect(f.activeKw).toBeCloseTo(kpi.all.activeKw, 9);
    }
    // The breakdowns add up to the fleet.
    for (const dim of ['site', 'customer', 'model'] as const) expect(kpi.rows.filter((r) => r.dim === dim).reduce((n, r) => n + r.activeThs, 0)).toBeCloseTo(kpi.all.activeThs, 6);
  });

  it('give analytics the KPI page’s revenue, cost and margin per day to the cent', async () => {
    const [kpi, analytics] = await Promise.all([pages.kpi(owner()), pages.analytics(owner())]);
    const fleet = kpi.figures(kpi.all);
    expect(fleet.revenueCentsPerDay).toBe(Math.round(2520 * HASHPRICE * NETWORK.btcPriceUsd * 100));
    expect(analytics.figures).toEqual(fleet);
  });

  it('show a client on the portal what the KPI page shows an operator for that customer', async () => {
    const kpi = await pages.kpi(owner());
    for (const c of ['acme', 'zen'] as const) {
      const portal = await pages.portal(client(c));
      const row = kpi.rows.find((r) => r.dim === 'customer' && r.key === farm.customerIds[c])!;
      expect([portal.all.total, portal.all.active, portal.all.offline]).toEqual([row.total, row.active, row.offline]);
      expect(portal.all.activeThs).toBeCloseTo(row.activeThs, 9);
      expect(portal.all.activeKw).toBeCloseTo(row.activeKw, 9);
      // Revenue: sats first on the portal, cents directly on the KPI page — at most a cent apart.
      expect(Math.abs(portal.earnings.grossCents! - kpi.figures(row).revenueCentsPerDay!)).toBeLessThanOrEqual(1);
      // Pool against miners: the portal's fleet line is the KPI page's line for the customer.
      const pool = kpi.pool.find((r) => r.dim === 'customer' && r.key === farm.customerIds[c])!;
      expect(portal.pool).toMatchObject({ units: pool.units, expectedThs: pool.expectedThs, creditedThs: pool.creditedThs, luckPct: pool.luckPct });
      // The client's page never carries the host's cost.
      expect(portal.all.costUsdPerDay).toBeNull();
    }
    const acme = kpi.rows.find((r) => r.dim === 'customer' && r.key === farm.customerIds.acme)!;
    expect([acme.total, acme.active, acme.offline, acme.activeThs, acme.activeKw]).toEqual([9, 3, 3, 970, 20.5]);
  });

  it('take the hosting fee off a client’s estimate at the site client price, beside what the pool credited (by hand)', async () => {
    const p = await pages.portal(client('acme'));
    // Main: 13,700 W × 24 h = 328.8 kWh × $0.065 = $21.372 → 2,137 ¢; Hot: 6,800 W → 163.2 kWh × $0.072 = $11.7504 → 1,175 ¢.
    expect(p.feeSites.map((s) => [s.siteId, s.powerW, s.clientUsdPerKwh])).toEqual(
      [
        [farm.siteIds.main, 13_700, 0.065],
        [farm.siteIds.hot, 6_800, 0.072],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const grossSats = Math.round(970 * HASHPRICE * 1e8);
    expect(p.earnings).toMatchObject({ grossSats, feeCents: 3_312, netCents: p.earnings.grossCents! - 3_312, feeSats: 3_312_000 / 100 });
    // The pool's last full day, 2026-12-05: 30,000 + 12,000 + 0 sats = $42.00 at $100,000; $8.88 after the fee.
    expect(p.credited).toEqual({ day: '2026-12-05', sats: 42_000 });
    expect(p.earnings).toMatchObject({ creditedSats: 42_000, creditedCents: 4_200, creditedNetCents: 888 });
  });

  it('sum the customers’ portal figures (and self-mining) to the fleet', async () => {
    const kpi = await pages.kpi(owner());
    const [acme, zen] = await Promise.all([pages.portal(client('acme')), pages.portal(client('zen'))]);
    const self = kpi.rows.find((r) => r.dim === 'customer' && r.key === null)!;
    expect(acme.all.total + zen.all.total + self.total).toBe(kpi.all.total);
    expect(acme.all.active + zen.all.active + self.active).toBe(kpi.all.active);
    expect(acme.all.activeThs + zen.all.activeThs + self.activeThs).toBeCloseTo(kpi.all.activeThs, 6);
  });
});
