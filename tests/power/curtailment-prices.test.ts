import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { curtailmentPriceSlots } from '@/db/queries/power/curtailment-prices';
import { networkDaily, networkSnapshots, siteTariffs } from '@/db/schema';
import { curtailmentSavings } from '@/lib/domain/power/curtailment/savings';
import { createTestDb } from '../helpers/db';
import { makeOrg, makeSite } from '../helpers/fixtures';

let db: Db;
let drop: () => Promise<void>;
let touSite = '';
let flatSite = '';
const t = (hhmm: string, day = '15') => new Date(`2026-07-${day}T${hhmm}:00Z`);
const snapshot = (at: Date, usd: number) => ({
  bucketStart: at,
  btcPriceUsd: '100000',
  difficulty: '1.2e14',
  networkHashrateHs: '8.6e20',
  hashpriceBtcPerPhDay: String(usd / 100_000),
  hashpriceUsdPerPhDay: String(usd),
  sources: { price: 'test' },
});

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  const org = await makeOrg(db);
  touSite = (await makeSite(db, org.id)).id;
  flatSite = (await makeSite(db, org.id)).id;
  // Site zone UTC: peak 14:00–20:00 every day at 12 ¢/kWh, off-peak 4 ¢.
  await db.insert(siteTariffs).values({
    orgId: org.id,
    siteId: touSite,
    effectiveFrom: t('00:00', '01'),
    kind: 'tou',
    ratesMcPerKwh: { peak: 12_000, off_peak: 4_000 },
    seasons: [{ name: 'all year', from: '01-01', to: '12-31', periods: [{ window: 'peak', days: [0, 1, 2, 3, 4, 5, 6], from: '14:00', to: '20:00' }] }],
  });
  // 13:00 hour: snapshots at $48 and $52 (mean $50); 14:00 hour: none; the 16th: only its daily row.
  await db.insert(networkSnapshots).values([snapshot(t('13:10'), 48), snapshot(t('13:40'), 52)]);
  await db.insert(networkDaily).values({ day: '2026-07-16', priceCloseUsd: '80000', difficulty: '1e14', feesPerBlockBtc: '0.025', source: 'test' });
});
afterAll(async () => drop?.());

describe('curtailment prices of each slot', () => {
  it('time-of-use rate of the slot in the site zone; hashprice the mean of the hour’s snapshots, null where none', async () => {
    const slots = await curtailmentPriceSlots(db, touSite, t('13:50'), t('14:10'));
    expect(slots.map((s) => [s.from.toISOString().slice(11, 16), s.rateMcPerKwh, s.hashpriceUsdPerPhDay])).toEqual([
      ['13:50', 4_000, 50],
      ['13:55', 4_000, 50],
      ['14:00', 12_000, null],
      ['14:05', 12_000, null],
    ]);
  });

  it('a day without snapshots takes its daily figure: 1e15 · 86400 · (3.125 + 0.025) / (1e14 · 2³²) BTC × $80,000 = $50.69', async () => {
    const [slot] = await curtailmentPriceSlots(db, touSite, t('09:00', '16'), t('09:05', '16'));
    expect(slot!.hashpriceUsdPerPhDay).toBeCloseTo(((1e15 * 86400 * 3.15) / (1e14 * 2 ** 32)) * 80_000, 6);
  });

  it('a site without a tariff version is priced at its flat rate ($0.05/kWh)', async () => {
    const slots = await curtailmentPriceSlots(db, flatSite, t('13:00'), t('13:10'));
    expect(slots.map((s) => s.rateMcPerKwh)).toEqual([5_000, 5_000]);
  });

  it('priced end to end: 1 MW off 13:30–14:30 saves 500 kWh × 4 ¢ + 500 kWh × 12 ¢; the 14:00 hour has no hashprice, so no net figure', async () => {
    const prices = await curtailmentPriceSlots(db, touSite, t('13:30'), t('14:30'));
    const s = curtailmentSavings([{ from: t('13:30'), to: t('14:30'), shedW: 1_000_000, shedThs: 20_000 }], prices, 0);
    // 13:00 hour: 20 PH/s × $50 / 24 × 0.5 h = $20.83 forgone.
    expect(s.hours[0]).toMatchObject({ costAvoidedCents: 2_000, revenueForgoneCents: 2_083, netSavingCents: -83 });
    expect(s).toMatchObject({ costAvoidedCents: 8_000, revenueForgoneCents: null, netSavingCents: null, missingHours: [t('14:00')] });
  });
});
