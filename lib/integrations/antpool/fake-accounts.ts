import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { poolAccounts } from '@/db/schema';
import type { FakeFarm } from './fake-farm';
import { encryptSecret } from './secrets';

/**
 * Stores the local pool server's main account and sub-accounts for an organization (tests, bench,
 * demo). Sub-accounts without a key of their own are read through the main key. Idempotent.
 */
export async function configureFakeAccounts(db: Db, orgId: string, farm: FakeFarm): Promise<{ mainId: string; subIds: Record<string, string> }> {
  const upsert = async (userId: string, label: string, parentId: string | null, key?: string, secret?: string) => {
    const values = { orgId, userId, label, parentId, apiKey: key ?? null, secretEnc: secret ? encryptSecret(secret, { orgId, userId }) : null };
    await db
      .insert(poolAccounts)
      .values(values)
      .onConflictDoUpdate({ target: [poolAccounts.orgId, poolAccounts.userId, poolAccounts.coin], set: { label, parentId, apiKey: values.apiKey, secretEnc: values.secretEnc } });
    const [row] = await db.select({ id: poolAccounts.id }).from(poolAccounts).where(and(eq(poolAccounts.orgId, orgId), eq(poolAccounts.userId, userId)));
    return row!.id;
  };
  const mainId = await upsert(farm.mainUserId, 'Main account', null, farm.key, farm.secret);
  const subIds: Record<string, string> = {};
  for (const s of farm.subs) subIds[s.userId] = await upsert(s.userId, s.userId, mainId, s.key, s.secret);
  return { mainId, subIds };
}
