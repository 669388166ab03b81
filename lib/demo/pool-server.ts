import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { organizations } from '@/db/schema';
import { type FakeAntpool, startFakeAntpool } from '@/lib/integrations/antpool/fake-server';
import { demoPoolFarm } from './pool-demo';
import { DEMO_ORG_SLUG } from './seed-demo';

/**
 * DEMO ONLY. The local Antpool-compatible server for the demo pool accounts, on 127.0.0.1, serving the
 * farm the seed wrote (demoPoolFarm), so the pool tiers the embedded scheduler runs in demo mode
 * collect fresh figures instead of failing: demo mode talks to no pool but a loopback one. The same
 * server `npm run demo` starts, in the app's own process. Null without a demo organization.
 */
export async function startDemoPoolServer(db: Db): Promise<FakeAntpool | null> {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, DEMO_ORG_SLUG)).limit(1);
  if (!org) return null;
  return startFakeAntpool({ farm: await demoPoolFarm(db, org.id) });
}
