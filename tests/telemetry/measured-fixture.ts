import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { edgeAlertRules, minerModels, miners, minerTelemetryLive, poolAccounts, poolWorkerLinks, poolWorkers } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { makeCustomer, makeOrg, makeSite } from '../helpers/fixtures';

/*
 * A small farm with one miner per branch of the operational-state rule (lib/domain/telemetry/
 * operational-state.ts and measured.ts), for the SQL-vs-pure comparison and the page-agreement test.
 * Site "Hot" has a TEMP_HIGH rule at 85 °C; elsewhere the default threshold (90 °C) applies.
 */

export const NOW = new Date('2026-12-06T12:00:00Z');
const MIN = 60_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);

type LiveSpec = { agoMs: number; online: boolean; ths: number | null; w: number | null; chipC: number | null };
type PoolSpec = { agoMs: number; status: 'online' | 'offline' | 'invalid'; lastShareAgoMs: number | null; ths: number };
type Spec = { name: string; site: 'main' | 'hot'; customer: 'acme' | 'zen' | null; status: 'active' | 'maintenance' | 'sold' | 'offline'; quantity?: number; live?: LiveSpec; pool?: PoolSpec };

const L = (p: Partial<LiveSpec> = {}): LiveSpec => ({ agoMs: MIN, online: true, ths: 190, w: 3400, chipC: 70, ...p });
const P = (p: Partial<PoolSpec> = {}): PoolSpec => ({ agoMs: 30 * MIN, status: 'online', lastShareAgoMs: 2 * MIN, ths: 185, ...p });

export const SPECS: Spec[] = [
  { name: 'tel-online', site: 'main', customer: 'acme', status: 'active', live: L(), pool: P() },
  { name: 'tel-offline', site: 'main', customer: 'acme', status: 'active', live: L({ online: false, ths: null, w: null, chipC: null }), pool: P() },
  { name: 'tel-fault', site: 'main', customer: 'acme', status: 'active', live: L({ ths: 0, w: 3300 }) },
  { name: 'tel-sleep', site: 'main', customer: 'zen', status: 'active', live: L({ ths: 0, w: 12, chipC: 30 }) },
  { name: 'tel-sleep-nopower', site: 'main', customer: 'zen', status: 'active', live: L({ ths: 0, w: null }) },
  { name: 'tel-nofigures', site: 'main', customer: 'zen', status: 'active', quantity: 3, live: L({ ths: null, w: null }) },
  { name: 'tel-hot-default', site: 'main', customer: 'zen', status: 'active', live: L({ chipC: 91 }) },
  { name: 'tel-warm-default', site: 'main', customer: 'zen', status: 'active', live: L({ chipC: 88 }) },
  { name: 'tel-hot-rule', site: 'hot', customer: 'acme', status: 'active', live: L({ chipC: 88 }) },
  { name: 'tel-edge', site: 'hot', customer: 'acme', status: 'active', live: L({ agoMs: 10 * MIN }) },
  { name: 'tel-stale-pool-on', site: 'hot', customer: null, status: 'active', live: L({ agoMs: 10 * MIN + 1000 }), pool: P() },
  { name: 'pool-offline', site: 'main', customer: null, status: 'active', pool: P({ status: 'offline', lastShareAgoMs: 5 * 3_600_000, ths: 0 }) },
  { name: 'pool-invalid', site: 'main', customer: 'acme', status: 'active', pool: P({ status: 'invalid', lastShareAgoMs: null, ths: 0 }) },
  { name: 'pool-online-maint', site: 'main', customer: 'zen', status: 'maintenance', pool: P() },
  { name: 'pool-stale', site: 'main', customer: 'zen', status: 'active', pool: P({ agoMs: 3 * 3_600_000, lastShareAgoMs: 3 * 3_600_000 }) },
  { name: 'none-active', site: 'main', customer: 'acme', status: 'active', quantity: 2 },
  { name: 'none-maint', site: 'hot', customer: 'acme', status: 'maintenance' },
  { name: 'none-typed-offline', site: 'hot', customer: 'zen', status: 'offline' },
  { name: 'sold', site: 'main', customer: 'zen', status: 'sold', live: L({ agoMs: 40 * 86_400_000 }) },
];

export type MeasuredFarm = { orgId: string; siteIds: Record<'main' | 'hot', string>; customerIds: Record<'acme' | 'zen', string>; minerIds: Record<string, string>; model: { id: number; ths: number; w: number } };

export async function makeMeasuredFarm(db: Db): Promise<MeasuredFarm> {
  await ensureMinerModels(db);
  const [model] = await db.select().from(minerModels).where(eq(minerModels.name, 'Antminer S21')).limit(1);
  const org = await makeOrg(db, 'Measured');
  const main = await makeSite(db, org.id, 'Main');
  const hot = await makeSite(db, org.id, 'Hot');
  const acme = await makeCustomer(db, org.id, `acme-${org.id.slice(0, 8)}@example.test`);
  const zen = await makeCustomer(db, org.id, `zen-${org.id.slice(0, 8)}@example.test`);
  const siteIds = { main: main.id, hot: hot.id };
  const customerIds = { acme: acme.id, zen: zen.id };
  const inserted = await db
    .insert(miners)
    .values(SPECS.map((s) => ({ orgId: org.id, siteId: siteIds[s.site], customerId: s.customer ? customerIds[s.customer] : null, modelId: model!.id, name: s.name, workerName: `acct.${s.name}`, quantity: s.quantity ?? 1, status: s.status })))
    .returning({ id: miners.id, name: miners.name });
  const minerIds = Object.fromEntries(inserted.map((m) => [m.name, m.id]));
  const live = SPECS.filter((s) => s.live).map((s) => ({
    minerId: minerIds[s.name]!,
    orgId: org.id,
    siteId: siteIds[s.site],
    collectedAt: ago(s.live!.agoMs),
    online: s.live!.online,
    hashrateAvgThs: s.live!.ths,
    powerW: s.live!.w,
    tempChipMaxC: s.live!.chipC,
  }));
  await db.insert(minerTelemetryLive).values(live);
  const [account] = await db.insert(poolAccounts).values({ orgId: org.id, label: 'Main', userId: `acct-${org.id.slice(0, 8)}` }).returning();
  const pooled = SPECS.filter((s) => s.pool);
  await db.insert(poolWorkers).values(
    pooled.flatMap((s) => {
      const hs = String(Math.round(s.pool!.ths * 1e12));
      const row = { accountId: account!.id, workerName: `acct.${s.name}`, hs10m: hs, hs1h: hs, hs1d: hs, status: s.pool!.status, lastShareAt: s.pool!.lastShareAgoMs === null ? null : ago(s.pool!.lastShareAgoMs) };
      // An older hour too, which the newest must win over.
      return [
        { ...row, recordedAt: ago(s.pool!.agoMs) },
        { ...row, recordedAt: ago(s.pool!.agoMs + 3_600_000), status: 'online' as const },
      ];
    }),
  );
  await db.insert(poolWorkerLinks).values(pooled.map((s) => ({ accountId: account!.id, workerName: `acct.${s.name}`, minerId: minerIds[s.name]! })));
  await db.insert(edgeAlertRules).values({ orgId: org.id, name: 'Hot site chips', kind: 'TEMP_HIGH', threshold: 85, siteId: hot.id });
  return { orgId: org.id, siteIds, customerIds, minerIds, model: { id: model!.id, ths: Number(model!.hashrateThs), w: model!.powerW } };
}
