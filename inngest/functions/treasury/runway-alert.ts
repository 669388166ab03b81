import type { Db } from '@/db/client';
import { treasuryAlertChannels, treasuryOrgIds } from '@/db/queries/treasury/alert';
import { getTreasuryPosition } from '@/db/queries/treasury/position';
import { getTreasurySettings } from '@/db/queries/treasury/writes';
import { PRODUCT_NAME } from '@/lib/domain/brands/app-name';
import { usdToCents } from '@/lib/domain/treasury/ledger';
import { treasurySummary } from '@/lib/domain/treasury/summary';
import type { Notifier } from '@/lib/integrations/notify';
import { treasuryRunwayMessage } from '@/lib/notifications/treasury-runway';
import type { JobsClient } from '../../client';

/**
 * Daily at 06:00 UTC: each organization's runway (cash ÷ monthly costs, lib/domain/treasury) against
 * its threshold; under it, the owners' and administrators' channels are told — once per calendar
 * month and channel (the dedupe key), so a farm that stays short is reminded monthly, not daily.
 * The BTC-to-sell figure uses the market's price as the job finds it.
 */
export const treasuryRunwayAlert = (inngest: JobsClient) =>
  inngest.createFunction({ id: 'treasury-runway-alert', triggers: [{ cron: '0 6 * * *' }], concurrency: { limit: 1 } }, async ({ step, db, notifier, market, now: clock }) => {
    const now = new Date(await step.run('now', () => clock().toISOString()));
    const priceUsd = await step.run('price', async () => (await market.current()).btcPriceUsd);
    const orgs = await step.run('orgs', () => treasuryOrgIds(db));
    let sent = 0;
    for (const orgId of orgs) sent += await step.run(`judge-${orgId}`, () => judgeOrg(db, notifier, orgId, now, usdToCents(priceUsd)));
    return { orgs: orgs.length, sent };
  });

async function judgeOrg(db: Db, notifier: Notifier, orgId: string, now: Date, priceCents: number): Promise<number> {
  const scope = { orgId, sites: 'all' as const, customers: 'all' as const };
  const [position, settings] = await Promise.all([getTreasuryPosition(db, scope, now), getTreasurySettings(db, scope)]);
  const s = treasurySummary(position, position.fifo, priceCents, settings);
  if (!s.runwayAlert || s.runwayMonths === null || position.monthlyOpexCents === null) return 0;
  let sent = 0;
  for (const { channel, locale } of await treasuryAlertChannels(db, orgId)) {
    const m = treasuryRunwayMessage({ locale, appName: PRODUCT_NAME, runwayMonths: s.runwayMonths, thresholdMonths: settings.runwayAlertMonths, cashCents: position.cashCents, monthlyOpexCents: position.monthlyOpexCents, coverMonths: settings.coverMonths, satsToSell: s.cover?.satsToSell ?? null });
    const r = await notifier.deliverToChannel(db, channel, {
      orgId,
      userId: channel.userId,
      kind: 'treasury.runway_low',
      dedupeKey: `treasury-runway:${orgId}:${now.toISOString().slice(0, 7)}:${channel.id}`,
      ...m,
      payload: { runwayMonths: s.runwayMonths, thresholdMonths: settings.runwayAlertMonths, cashCents: position.cashCents, monthlyOpexCents: position.monthlyOpexCents, coverMonths: settings.coverMonths, satsToSell: s.cover?.satsToSell ?? null },
    });
    if (r.status === 'sent') sent++;
  }
  return sent;
}
