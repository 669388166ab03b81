import type { Db } from '@/db/client';
import { DbRateBudget, PLANNED_LIMIT } from '@/lib/integrations/antpool/budget';
import { AntpoolClient, type AntpoolClientOptions } from '@/lib/integrations/antpool/client';
import type { FakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { createNonceSource } from '@/lib/integrations/antpool/nonce';

/** A client on the fake server's main key, with fast retries so tests do not sleep for seconds. */
export function clientFor(db: Db, server: FakeAntpool, over: Partial<AntpoolClientOptions> = {}) {
  return new AntpoolClient({
    baseUrl: server.url,
    credentials: { userId: server.farm.mainUserId, key: server.farm.key, secret: server.farm.secret },
    budget: new DbRateBudget(db, PLANNED_LIMIT),
    nonces: createNonceSource(db),
    baseDelayMs: 5,
    timeoutMs: 2_000,
    ...over,
  });
}
