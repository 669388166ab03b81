import { and, eq } from 'drizzle-orm';
import type { Db } from '../../client';
import { userMiningSettings } from '../../schema';

export type MiningSettings = { electricityUsdPerKwh: number; efficiencyJPerTh: number; hashrateThs: number; updatedAt: Date };
export type Owner = { orgId: string; userId: string };

export async function getMiningSettings(db: Db, owner: Owner): Promise<MiningSettings | null> {
  const [row] = await db
    .select()
    .from(userMiningSettings)
    .where(and(eq(userMiningSettings.userId, owner.userId), eq(userMiningSettings.orgId, owner.orgId)));
  if (!row) return null;
  return { electricityUsdPerKwh: Number(row.electricityUsdPerKwh), efficiencyJPerTh: Number(row.efficiencyJPerTh), hashrateThs: Number(row.hashrateThs), updatedAt: row.updatedAt };
}

export async function upsertMiningSettings(db: Db, owner: Owner, input: { electricityUsdPerKwh: number; efficiencyJPerTh: number; hashrateThs: number }) {
  const values = { electricityUsdPerKwh: String(input.electricityUsdPerKwh), efficiencyJPerTh: String(input.efficiencyJPerTh), hashrateThs: String(input.hashrateThs), updatedAt: new Date() };
  await db
    .insert(userMiningSettings)
    .values({ userId: owner.userId, orgId: owner.orgId, ...values })
    .onConflictDoUpdate({ target: userMiningSettings.userId, set: { ...values, orgId: owner.orgId } });
}
