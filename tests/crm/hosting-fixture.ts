import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { upsertSnapshot } from '@/db/queries/market/snapshots';
import { customers, minerModels, miners, sites } from '@/db/schema';
import { ensureMinerModels } from '@/db/seed/ensure-miner-models';
import { makeCustomer, makeOrg, makeSite, makeUser } from '../helpers/fixtures';

let n = 0;

/** A miner line of the `model`-th catalogue model. */
export async function line(db: Db, o: { orgId: string; siteId: string; customerId: string | null; model: number; quantity?: number; status?: 'active' | 'offline' | 'maintenance' | 'sold' }) {
  await ensureMinerModels(db);
  const models = await db.select().from(minerModels).orderBy(minerModels.id);
  const [m] = await db
    .insert(miners)
    .values({ orgId: o.orgId, siteId: o.siteId, customerId: o.customerId, modelId: models[o.model]!.id, name: `Rack ${++n}`, quantity: o.quantity ?? 1, status: o.status ?? 'active' })
    .returning();
  return { miner: m!, model: models[o.model]! };
}

export async function customerRow(db: Db, id: string) {
  const [c] = await db.select().from(customers).where(eq(customers.id, id));
  return c!;
}

/**
 * Two organizations. In `org`: site A (client price $0.05/kWh) and site B (none); customers
 * alice (" Alice@Example.COM ", linked to the CLIENT user alice@example.com), bob (no account),
 * carol (no e-mail), dup1/dup2 (one e-mail, two customers, one account), zed (linked, no miners, on
 * no site). In `other`: a customer with alice's e-mail, whose org alice is not a member of.
 */
export async function crmFarm(db: Db) {
  const org = await makeOrg(db, 'Host A');
  const other = await makeOrg(db, 'Host B');
  const a = await makeSite(db, org.id, 'Alpha');
  const b = await makeSite(db, org.id, 'Bravo');
  const x = await makeSite(db, other.id, 'Xray');
  await db.update(sites).set({ clientUsdPerKwh: '0.05000' }).where(eq(sites.id, a.id));
  const alice = await makeCustomer(db, org.id, ' Alice@Example.COM ');
  const bob = await makeCustomer(db, org.id, 'bob@example.test');
  const carol = await makeCustomer(db, org.id, null);
  const dup1 = await makeCustomer(db, org.id, 'dup@example.test');
  const dup2 = await makeCustomer(db, org.id, ' DUP@example.test');
  const zed = await makeCustomer(db, org.id, 'zed@example.test');
  const foreign = await makeCustomer(db, other.id, 'alice@example.com');
  const aliceUser = (await makeUser(db, { orgId: org.id, role: 'CLIENT', email: 'alice@example.com' })).user;
  await makeUser(db, { orgId: org.id, role: 'CLIENT', email: 'dup@example.test' });
  await makeUser(db, { orgId: org.id, role: 'CLIENT', email: 'zed@example.test' });
  const owner = (await makeUser(db, { orgId: org.id, role: 'OWNER' })).user;
  const otherOwner = (await makeUser(db, { orgId: other.id, role: 'OWNER' })).user;
  const siteOwnerB = (await makeUser(db, { orgId: org.id, role: 'MINING_SITE_OWNER', siteIds: [b.id] })).user;
  // alice: 3 + 2 units of model 0 and 1 of model 1 on A, 1 in maintenance on B, 4 sold.
  const s19 = await line(db, { orgId: org.id, siteId: a.id, customerId: alice.id, model: 0, quantity: 3 });
  await line(db, { orgId: org.id, siteId: a.id, customerId: alice.id, model: 0, quantity: 2 });
  const s21 = await line(db, { orgId: org.id, siteId: a.id, customerId: alice.id, model: 1 });
  await line(db, { orgId: org.id, siteId: b.id, customerId: alice.id, model: 1, status: 'maintenance' });
  await line(db, { orgId: org.id, siteId: a.id, customerId: alice.id, model: 1, quantity: 4, status: 'sold' });
  await line(db, { orgId: org.id, siteId: a.id, customerId: bob.id, model: 0 });
  await line(db, { orgId: org.id, siteId: a.id, customerId: dup1.id, model: 0 });
  await line(db, { orgId: other.id, siteId: x.id, customerId: foreign.id, model: 0, quantity: 7 });
  await upsertSnapshot(db, {
    bucketStart: new Date(Date.now() - 600_000),
    btcPriceUsd: 95_000,
    difficulty: 100e12,
    networkHashrateHs: 700e18,
    feesPerBlockBtc: 0.02,
    blockHeight: 900_000,
    hashpriceBtcPerPhDay: 0.0005,
    hashpriceUsdPerPhDay: 47.5,
    sources: {},
  });
  return { org, other, a, b, x, alice, bob, carol, dup1, dup2, zed, foreign, aliceUser, owner, otherOwner, siteOwnerB, s19: s19.model, s21: s21.model };
}
