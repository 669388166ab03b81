import { isTimeZone } from '@/lib/domain/power/zone';
import { z } from './zod';

/*
 * Power API parameters (issue 15 part 2). Money comes in as people write it (USD per kWh, per kW, per
 * month) and is stored in the units of lib/domain/power/tariff.ts (milli-cents per kWh, cents).
 */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month');
export const daySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'date');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time');
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'monthDay');
const usd = (max: number) => z.coerce.number().min(0).max(max);

export const touPeriodSchema = z.object({ window: z.enum(['peak', 'shoulder']), days: z.array(z.number().int().min(0).max(6)).min(1).max(7), from: hhmm, to: hhmm });
export const touSeasonSchema = z.object({ name: z.string().trim().min(1).max(60), from: monthDay, to: monthDay, periods: z.array(touPeriodSchema).max(20) });

export const tariffPutSchema = z
  .object({
    siteId: z.uuid(),
    effectiveDate: daySchema,
    kind: z.enum(['flat', 'tou']),
    /** $/kWh per window: `flat` for a flat tariff; `peak`, `shoulder`, `off_peak` for time of use. */
    ratesUsdPerKwh: z.object({ flat: usd(10).optional(), peak: usd(10).optional(), shoulder: usd(10).optional(), off_peak: usd(10).optional() }),
    seasons: z.array(touSeasonSchema).max(12).default([]),
    holidays: z.array(daySchema).max(100).default([]),
    demandUsdPerKw: usd(10_000).default(0),
    fixedMonthlyUsd: usd(10_000_000).default(0),
  })
  .refine((t) => (t.kind === 'flat' ? t.ratesUsdPerKwh.flat !== undefined : t.ratesUsdPerKwh.off_peak !== undefined), { message: 'rates', path: ['ratesUsdPerKwh'] });
export type TariffPut = z.infer<typeof tariffPutSchema>;

export const siteQuerySchema = z.object({ siteId: z.uuid().optional() });

export const consumptionQuerySchema = z.object({
  range: z.enum(['24h', '7d', '30d', '12m']).default('24h'),
  siteId: z.uuid().optional(),
  customerId: z.uuid().optional(),
});
export type ConsumptionQuery = z.infer<typeof consumptionQuerySchema>;

export const billsQuerySchema = z.object({
  month: monthSchema.optional(),
  siteId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const billsPostSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('draft'), siteId: z.uuid(), customerId: z.uuid(), month: monthSchema }),
  z.object({ action: z.literal('issue'), billId: z.uuid() }),
]);

/** A customer's hosting fees at a site, as people write them: $ a month, $ a miner-month, $ a kWh. */
export const hostingFeesPutSchema = z.object({
  siteId: z.uuid(),
  customerId: z.uuid(),
  monthlyUsd: usd(10_000_000).default(0),
  perMinerMonthUsd: usd(100_000).default(0),
  usdPerKwh: usd(10).default(0),
});

export const monthQuerySchema = z.object({ month: monthSchema.optional(), siteId: z.uuid().optional() });

export const timeZoneSchema = z.string().max(64).refine(isTimeZone, 'timeZone');

const instant = z.iso.datetime({ offset: true });
export const meterPushSchema = z.object({
  siteId: z.uuid(),
  readings: z
    .array(z.object({ meterId: z.string().trim().min(1).max(100), kind: z.enum(['site', 'pdu']).default('site'), periodStart: instant, periodEnd: instant, kwh: z.number().min(0).max(1e9) }).refine((r) => Date.parse(r.periodEnd) > Date.parse(r.periodStart), { message: 'period', path: ['periodEnd'] }))
    .min(1)
    .max(5000)
    .superRefine((readings, ctx) => {
      // One interval per meter and end in a batch: two would leave which one counts to chance.
      const seen = new Set<string>();
      readings.forEach((r, i) => {
        const key = `${r.meterId}|${Date.parse(r.periodEnd)}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'duplicate', path: [i, 'periodEnd'] });
        seen.add(key);
      });
    }),
});

/** The reconciliation page's URL: anything unreadable is dropped, and the page picks its defaults. */
export const reconcilePageSchema = z.object({ siteId: z.uuid().optional().catch(undefined), month: monthSchema.optional().catch(undefined), day: daySchema.optional().catch(undefined) });

export const reconciliationQuerySchema = z
  .object({ siteId: z.uuid(), month: monthSchema, day: daySchema.optional() })
  .refine((q) => !q.day || q.day.startsWith(q.month), { message: 'day', path: ['day'] });
