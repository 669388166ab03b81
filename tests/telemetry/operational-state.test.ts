import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { loadMinerStates } from '@/db/queries/edge/alerts';
import { listMiners } from '@/db/queries/hosting/miners';
import { type MinerMeasure, minerMeasures } from '@/db/queries/telemetry/operational-state';
import { queryRows } from '@/db/client';
import { sql } from 'drizzle-orm';
import { scopeFor } from '@/lib/core/scope';
import { firingPairs } from '@/lib/domain/telemetry/evaluate-org';
import { measuredFigures } from '@/lib/domain/telemetry/measured';
import { DEFAULT_OVERHEAT_CHIP_C, operationalState, poolIsFresh } from '@/lib/domain/telemetry/operational-state';
import { createTestDb } from '../helpers/db';
import { makeMeasuredFarm, type MeasuredFarm, NOW, SPECS } from './measured-fixture';

let db: Db;
let drop: () => Promise<void>;
let farm: MeasuredFarm;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  farm = await makeMeasuredFarm(db);
});
afterAll(() => drop());

const owner = () => scopeFor({ orgId: farm.orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });

/** The pure functions' answer for each fixture miner, from the rows as stored (real columns round). */
async function pureAnswers() {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select m.id, m.status::text as status, m.quantity, m.site_id, mm.hashrate_ths::float8 as nameplate_ths, mm.power_w as nameplate_w,
        lv.collected_at, lv.online, coalesce(lv.hashrate_avg_ths, lv.hashrate5s_ths)::float8 as ths, lv.power_w::float8 as w, lv.temp_chip_max_c::float8 as chip,
        pw.recorded_at, pw.status::text as pool_status, pw.last_share_at, pw.hs1h::float8 / 1e12 as pool_ths
      from miners m join miner_models mm on mm.id = m.model_id
      left join miner_telemetry_live lv on lv.miner_id = m.id
      left join lateral (select w.* from pool_worker_links l join pool_workers w on w.account_id = l.account_id and w.worker_name = l.worker_name
        where l.miner_id = m.id order by w.recorded_at desc limit 1) pw on true
      where m.org_id = ${farm.orgId}`,
  );
  const d = (v: unknown) => (v === null ? null : new Date(v as string));
  const n = (v: unknown) => (v === null ? null : Number(v));
  return new Map(
    rows.map((r) => {
      const live = r.collected_at === null ? null : { collectedAt: d(r.collected_at)!, online: Boolean(r.online), hashrateThs: n(r.ths), powerW: n(r.w), tempChipMaxC: n(r.chip) };
      // Only a fresh hour is a pool reading (what the SQL reads); the rule itself would ignore an older one too.
      const pool = r.recorded_at === null || !poolIsFresh(new Date(r.recorded_at as string), NOW) ? null : { recordedAt: d(r.recorded_at)!, status: r.pool_status as 'online', lastShareAt: d(r.last_share_at) };
      const overheatChipC = r.site_id === farm.siteIds.hot ? 85 : DEFAULT_OVERHEAT_CHIP_C;
      const op = operationalState({ live, pool, nameplatePowerW: Number(r.nameplate_w), overheatChipC }, NOW);
      const fig = measuredFigures(op, { adminStatus: r.status as string, quantity: Number(r.quantity), nameplateThs: Number(r.nameplate_ths), nameplatePowerW: Number(r.nameplate_w), live, poolThs: n(r.pool_ths) });
      return [r.id as string, { ...op, ...fig }];
    }),
  );
}

describe('operational state and measured figures: SQL against the pure functions', () => {
  it('agree on every fixture miner', async () => {
    const pure = await pureAnswers();
    const measured = await minerMeasures(db, owner(), NOW);
    expect(measured).toHaveLength(SPECS.length);
    for (const m of measured) {
      const p = pure.get(m.minerId)!;
      expect({ state: m.state, source: m.stateSource, lastSeenAt: m.lastSeenAt, hashrateSource: m.hashrateSource, powerSource: m.powerSource }, m.minerId).toEqual({
        state: p.state,
        source: p.source,
        lastSeenAt: p.lastSeenAt,
        hashrateSource: p.hashrateSource,
        powerSource: p.powerSource,
      });
      expect(m.hashrateThs).toBeCloseTo(p.hashrateThs, 6);
      if (p.powerW === null) expect(m.powerW).toBeNull();
      else expect(m.powerW).toBeCloseTo(p.powerW, 6);
    }
  });

  it('reach the state each fixture miner was built for (hand-written)', async () => {
    const measured = new Map((await minerMeasures(db, owner(), NOW)).map((m) => [m.minerId, m]));
    const by = (name: string) => measured.get(farm.minerIds[name]!)!;
    const expected: Record<string, [string, string, number, string]> = {
      'tel-online': ['online', 'telemetry', 190, 'telemetry'],
      'tel-offline': ['offline', 'telemetry', 0, 'telemetry'],
      'tel-fault': ['offline', 'telemetry', 0, 'telemetry'],
      'tel-sleep': ['sleeping', 'telemetry', 0, 'telemetry'],
      'tel-sleep-nopower': ['sleeping', 'telemetry', 0, 'telemetry'],
      'tel-nofigures': ['online', 'telemetry', 600, 'nameplate'],
      'tel-hot-default': ['overheating', 'telemetry', 190, 'telemetry'],
      'tel-warm-default': ['online', 'telemetry', 190, 'telemetry'],
      'tel-hot-rule': ['overheating', 'telemetry', 190, 'telemetry'],
      'tel-edge': ['online', 'telemetry', 190, 'telemetry'],
      'tel-stale-pool-on': ['online', 'pool', 185, 'pool'],
      'pool-offline': ['offline', 'pool', 0, 'pool'],
      'pool-invalid': ['offline', 'pool', 0, 'pool'],
      'pool-online-maint': ['online', 'pool', 185, 'pool'],
      'pool-stale': ['unknown', 'none', 200, 'nameplate'],
      'none-active': ['unknown', 'none', 400, 'nameplate'],
      'none-maint': ['unknown', 'none', 0, 'nameplate'],
      'none-typed-offline': ['unknown', 'none', 0, 'nameplate'],
      sold: ['unknown', 'none', 0, 'nameplate'],
    };
    for (const [name, [state, source, ths, hsource]] of Object.entries(expected)) {
      const m = by(name);
      expect([m.state, m.stateSource, m.hashrateSource], name).toEqual([state, source, hsource]);
      expect(m.hashrateThs, name).toBeCloseTo(ths, 3);
    }
    expect(by('tel-offline').powerW).toBeNull();
    expect(by('tel-sleep').powerW).toBe(12);
  });

  it('is scoped: a customer sees only its miners', async () => {
    const client = scopeFor({ orgId: farm.orgId, role: 'CLIENT', assignedSiteIds: [], linkedCustomerIds: [farm.customerIds.zen] });
    const ids = new Set((await minerMeasures(db, client, NOW)).map((m) => m.minerId));
    expect([...ids].sort()).toEqual(SPECS.filter((s) => s.customer === 'zen').map((s) => farm.minerIds[s.name]!).sort());
  });
});

describe('the miner list by measured state', () => {
  const req = { page: 1, pageSize: 25 };
  it('counts each state, filters by one, and carries the measured columns', async () => {
    const all = await listMiners(db, owner(), {}, req, NOW);
    expect(all.stateCounts).toEqual({ online: 6, offline: 4, sleeping: 2, overheating: 2, unknown: 5 });
    const hot = await listMiners(db, owner(), { state: 'overheating' }, { ...req, sort: 'chip', dir: 'desc' }, NOW);
    expect(hot.total).toBe(2);
    expect(hot.rows.map((r) => [r.name, r.measured.tempChipMaxC, r.measured.stateSource])).toEqual([
      ['tel-hot-default', 91, 'telemetry'],
      ['tel-hot-rule', 88, 'telemetry'],
    ]);
    // The set-by-people counts follow the chosen state: the 5 unknown are 2 active, 1 typed offline, 1 in maintenance, 1 sold.
    const unknown = await listMiners(db, owner(), { state: 'unknown' }, req, NOW);
    expect(unknown.counts).toEqual({ all: 5, active: 2, offline: 1, maintenance: 1, sold: 1 });
  });

  it('sorts by measured hashrate and last seen, never-seen last', async () => {
    const byHash = await listMiners(db, owner(), {}, { ...req, sort: 'hashrate', dir: 'desc' }, NOW);
    expect(byHash.rows[0]!.name).toBe('tel-nofigures');
    expect(byHash.rows[0]!.measured).toMatchObject({ hashrateThs: 600, hashrateSource: 'nameplate' });
    const bySeen = await listMiners(db, owner(), {}, { ...req, sort: 'seen', dir: 'desc' }, NOW);
    const seen = bySeen.rows.map((r) => r.measured.lastSeenAt);
    const firstNull = seen.findIndex((d) => d === null);
    expect(seen.slice(firstNull).every((d) => d === null)).toBe(true);
    expect(seen.slice(0, firstNull).every((d, i, a) => i === 0 || a[i - 1]!.getTime() >= d!.getTime())).toBe(true);
  });
});

describe('the miner list paged by a live column', () => {
  // The expected order from the measured figures themselves: the key (missing last, both ways), then the name.
  const KEY = { hashrate: (m: MinerMeasure) => m.hashrateThs, chip: (m: MinerMeasure) => m.tempChipMaxC, power: (m: MinerMeasure) => m.powerW, seen: (m: MinerMeasure) => m.lastSeenAt?.getTime() ?? null };
  async function expected(sort: keyof typeof KEY, dir: 'asc' | 'desc', keep: (m: MinerMeasure) => boolean = () => true) {
    const names = new Map(Object.entries(farm.minerIds).map(([name, id]) => [id, name]));
    const sign = dir === 'asc' ? 1 : -1;
    return (await minerMeasures(db, owner(), NOW))
      .filter(keep)
      .map((m) => ({ key: KEY[sort](m), name: names.get(m.minerId)! }))
      .sort((a, b) => (a.key === null || b.key === null ? (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) : sign * (a.key - b.key)) || sign * a.name.localeCompare(b.name))
      .map((r) => r.name);
  }
  async function paged(sort: keyof typeof KEY, dir: 'asc' | 'desc', filter: { state?: 'online' } = {}) {
    const names: string[] = [];
    for (let page = 1; ; page++) {
      const r = await listMiners(db, owner(), filter, { page, pageSize: 4, sort, dir }, NOW);
      names.push(...r.rows.map((m) => m.name));
      if (page >= r.pageCount) return names;
    }
  }

  it.each(['hashrate', 'chip', 'power', 'seen'] as const)('sorts by %s across page boundaries, both ways', async (sort) => {
    for (const dir of ['asc', 'desc'] as const) expect(await paged(sort, dir)).toEqual(await expected(sort, dir));
  });

  it('keeps the order at the page boundary when a state is chosen too', async () => {
    const online = await expected('chip', 'desc', (m) => m.state === 'online');
    expect(online).toHaveLength(6);
    expect(await paged('chip', 'desc', { state: 'online' })).toEqual(online);
  });
});

describe('offline detection feeds the OFFLINE alert rule', () => {
  it('fires for machines offline by telemetry and for machines only the pool watches', async () => {
    const states = await loadMinerStates(db, farm.orgId, NOW);
    const rule = { id: 'r', kind: 'OFFLINE' as const, threshold: 10, siteId: null, modelId: null, customerId: null };
    const firing = new Set(firingPairs([rule], states, NOW).map((f) => f.minerId));
    const name = new Map(Object.entries(farm.minerIds).map(([n, id]) => [id, n]));
    // pool-offline: last share 5 h ago; pool-invalid: never shared, offline since its hour 30 min ago. Where a live
    // row exists the rule reads it as before: tel-edge and tel-stale-pool-on have been silent for 10 min or more,
    // tel-offline went offline 1 min ago (under the 10-minute threshold).
    expect([...firing].map((id) => name.get(id)).sort()).toEqual(['pool-invalid', 'pool-offline', 'tel-edge', 'tel-stale-pool-on']);
    // Maintenance machines are not watched; a stale pool hour is not read.
    expect(states.some((s) => s.minerId === farm.minerIds['pool-online-maint'] || s.minerId === farm.minerIds['pool-stale'])).toBe(false);
  });
});
