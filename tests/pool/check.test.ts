import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { poolAccounts } from '@/db/schema';
import { plannedCallsPer10Min, runAntpoolCheck } from '@/lib/integrations/antpool/check';
import { configureFakeAccounts } from '@/lib/integrations/antpool/fake-accounts';
import { buildFakeFarm } from '@/lib/integrations/antpool/fake-farm';
import { type FakeAntpool, startFakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { type Antpool, createAntpool } from '@/lib/integrations/antpool/factory';
import { encryptSecret } from '@/lib/integrations/antpool/secrets';
import { createTestDb } from '../helpers/db';
import { makeOrg } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let server: FakeAntpool;
let antpool: Antpool;
let orgId: string;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  server = await startFakeAntpool({ farm: buildFakeFarm({ seed: 'check', subs: [{ userId: 'sub-a', workers: 75, ownKey: true }, { userId: 'sub-b', workers: 20 }] }) });
  antpool = createAntpool({ baseUrl: server.url, baseDelayMs: 1 });
  orgId = (await makeOrg(db)).id;
  await configureFakeAccounts(db, orgId, server.farm);
});
afterAll(async () => {
  await server.close();
  await drop();
});

describe('antpool:check', () => {
  it('reports credentials, clock and budget as fine on a healthy setup', async () => {
    const lines = await runAntpoolCheck(antpool, db);
    expect(lines.filter((l) => !l.ok)).toEqual([]);
    expect(lines.filter((l) => l.what.startsWith('credentials'))).toHaveLength(3);
    expect(lines.find((l) => l.what === 'budget plan')!.detail).toContain('95 workers');
  });

  it('fails the account whose secret is wrong and still checks the others', async () => {
    await db.update(poolAccounts).set({ secretEnc: encryptSecret('bad', { orgId, userId: 'sub-a' }) }).where(eq(poolAccounts.userId, 'sub-a'));
    const lines = await runAntpoolCheck(antpool, db);
    expect(lines.filter((l) => !l.ok).map((l) => l.what)).toEqual(['credentials sub-a']);
    expect(lines.find((l) => l.what === 'credentials sub-a')!.detail).toMatch(/^signature/);
  });

  it('plans Tier 1 and a Tier 2 burst inside the 85% budget for 6,000 workers', () => {
    expect(plannedCallsPer10Min({ accounts: 5, leaves: 4, workers: 6000 })).toEqual({ tier1: 15, tier2Burst: 124, worstWindow: 139 });
  });
});
