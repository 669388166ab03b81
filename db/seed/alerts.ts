import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { memberships, users } from '../schema';
import { saveRule } from '../queries/alerts/rules';
import { upsertMiningSettings } from '../queries/alerts/mining-settings';
import { ensureEmailChannel } from '../queries/alerts/notification-channels';

/**
 * The demo owner's personal fleet figures and two alert rules to his account email, so the
 * settings and alerts pages show something real to edit. No deliveries are invented: the log
 * fills when the snapshot job runs.
 */
export async function seedAlerts(db: Db, orgId: string): Promise<void> {
  const [owner] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, orgId)))
    .where(eq(users.email, 'owner@demo.local'));
  if (!owner) return;
  const who = { orgId, userId: owner.id };
  // A mid-size fleet of S21-class machines on a hydro tariff.
  await upsertMiningSettings(db, who, { electricityUsdPerKwh: 0.045, efficiencyJPerTh: 17.5, hashrateThs: 20_000 });
  const email = await ensureEmailChannel(db, who, owner.email, owner.email);
  await saveRule(db, who, { kind: 'hashprice_below', threshold: 45, channelIds: [email] });
  await saveRule(db, who, { kind: 'difficulty_change_above', threshold: 5, channelIds: [email] });
}
