import { CURTAIL_STRATEGIES } from '@/lib/domain/power/curtailment/types';
import { z } from './zod';

/** Starting a curtailment now (the page's "run now", and the API's manual trigger). */
export const startCurtailmentSchema = z.object({
  siteId: z.uuid('invalid'),
  strategy: z.enum(CURTAIL_STRATEGIES, { error: 'invalid' }),
  targetKind: z.enum(['cap', 'reduction'], { error: 'invalid' }),
  targetKw: z.coerce.number('number').positive('outOfRange').max(1_000_000, 'outOfRange'),
  /** Miners a minute (inrush); ignored in an emergency, which sends everything at once. */
  perMinute: z.coerce.number().int('number').min(1, 'outOfRange').max(5000, 'outOfRange').default(100),
  emergency: z.coerce.boolean().default(false),
  /** Minutes until recovery starts; absent = until someone stops it. */
  durationMin: z.coerce.number().int('number').min(1, 'outOfRange').max(7 * 24 * 60, 'outOfRange').optional(),
});
export type StartCurtailmentInput = z.infer<typeof startCurtailmentSchema>;

export const stopCurtailmentSchema = z.object({ eventId: z.uuid('invalid') });

/**
 * A utility's or aggregator's demand-response call: a kW target for the site (cap) or a reduction,
 * and how long it lasts, starting now. Exactly one of capKw and reductionKw.
 */
export const demandResponseSchema = z
  .object({
    siteId: z.uuid('invalid'),
    capKw: z.number('number').positive('outOfRange').max(1_000_000, 'outOfRange').optional(),
    reductionKw: z.number('number').positive('outOfRange').max(1_000_000, 'outOfRange').optional(),
    durationMin: z.number('number').int('number').min(1, 'outOfRange').max(24 * 60, 'outOfRange'),
  })
  .refine((b) => (b.capKw === undefined) !== (b.reductionKw === undefined), { message: 'required', path: ['capKw'] });
