import { CURTAIL_STRATEGIES } from '@/lib/domain/power/curtailment/types';
import type { StrikeConfig } from '@/lib/domain/power/curtailment/strike';
import { z } from './zod';

/*
 * The forms of curtailment automation: strike plans, price entry, demand-response opt-in, scheduled and
 * peak-warning windows, feeders. Form fields arrive as strings (checkboxes as 'on'); each schema
 * coerces, and names its errors by the Validation message keys.
 */

const kw = z.coerce.number('number').positive('outOfRange').max(1_000_000, 'outOfRange');
const perMinute = z.coerce.number('number').int('number').min(1, 'outOfRange').max(5000, 'outOfRange').default(100);
const strategy = z.enum(CURTAIL_STRATEGIES, { error: 'invalid' });
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const usdPerMwh = z.coerce.number('number').min(-10_000, 'outOfRange').max(100_000, 'outOfRange');
const optionalNumber = z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), usdPerMwh.optional());
/** N or M five-minute windows: at most a day's worth. */
const windows = z.coerce.number('number').int('number').min(1, 'outOfRange').max(288, 'outOfRange');

export const strikePlanSchema = z
  .object({
    id: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('invalid').optional()),
    siteId: z.uuid('invalid'),
    name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
    enabled: checkbox,
    strategy,
    targetKind: z.enum(['cap', 'reduction'], { error: 'invalid' }),
    targetKw: kw,
    perMinute,
    feedKind: z.enum(['manual', 'csv', 'http'], { error: 'invalid' }),
    feedUrl: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/, error: 'invalid' }).max(2000, 'tooLong').optional()),
    highKind: z.enum(['fixed', 'break_even'], { error: 'invalid' }),
    highUsdPerMwh: optionalNumber,
    lowKind: z.enum(['fixed', 'break_even'], { error: 'invalid' }),
    lowUsdPerMwh: optionalNumber,
    curtailAfter: windows,
    resumeAfter: windows,
  })
  .superRefine((p, ctx) => {
    if (p.feedKind === 'http' && !p.feedUrl) ctx.addIssue({ code: 'custom', message: 'required', path: ['feedUrl'] });
    // A fixed strike needs its price; a break-even strike takes an optional margin in the same field.
    if (p.highKind === 'fixed' && p.highUsdPerMwh === undefined) ctx.addIssue({ code: 'custom', message: 'required', path: ['highUsdPerMwh'] });
    if (p.lowKind === 'fixed' && p.lowUsdPerMwh === undefined) ctx.addIssue({ code: 'custom', message: 'required', path: ['lowUsdPerMwh'] });
    // Resuming above the curtail strike would flap: the low strike must be below the high one.
    if (p.highKind === p.lowKind && (p.highUsdPerMwh ?? 0) <= (p.lowUsdPerMwh ?? 0)) ctx.addIssue({ code: 'custom', message: 'lowAboveHigh', path: ['lowUsdPerMwh'] });
  });
export type StrikePlanInput = z.infer<typeof strikePlanSchema>;

/** The stored StrikeConfig of a form: a break-even strike's number is its margin. */
export function strikeConfigOf(p: StrikePlanInput): StrikeConfig {
  const strike = (kind: 'fixed' | 'break_even', v: number | undefined) => (kind === 'fixed' ? { kind, usdPerMwh: v! } : { kind, marginUsdPerMwh: v ?? 0 });
  return { high: strike(p.highKind, p.highUsdPerMwh), low: strike(p.lowKind, p.lowUsdPerMwh), curtailAfter: p.curtailAfter, resumeAfter: p.resumeAfter };
}

/** Prices typed or pasted as CSV (`start,usd_per_mwh`, a header optional), or a CSV file's text. */
export const priceImportSchema = z.object({
  siteId: z.uuid('invalid'),
  source: z.enum(['manual', 'csv'], { error: 'invalid' }),
  text: z.string().trim().min(1, 'required').max(2_000_000, 'tooLong'),
});

export const demandResponseOptInSchema = z.object({ siteId: z.uuid('invalid'), enabled: checkbox, strategy, perMinute });

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid');
export const WINDOW_KIND_VALUES = ['scheduled', 'peak_warning'] as const;

/** One window typed in the site's zone; an end at or before the start is on the next day (across midnight). */
export const curtailmentWindowSchema = z.object({
  siteId: z.uuid('invalid'),
  kind: z.enum(WINDOW_KIND_VALUES, { error: 'invalid' }),
  date: localDate,
  from: localTime,
  to: localTime,
  strategy,
  targetKind: z.enum(['cap', 'reduction'], { error: 'invalid' }),
  targetKw: kw,
  perMinute,
  note: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(500, 'tooLong').optional()),
});

/** A CSV of windows: what a row leaves out comes from here. */
export const windowImportSchema = z.object({
  siteId: z.uuid('invalid'),
  kind: z.enum(WINDOW_KIND_VALUES, { error: 'invalid' }),
  strategy,
  perMinute,
  text: z.string().trim().min(1, 'required').max(1_000_000, 'tooLong'),
});

export const cancelWindowSchema = z.object({ id: z.uuid('invalid') });

export const feederSchema = z.object({
  siteId: z.uuid('invalid'),
  code: z.string().trim().min(1, 'required').max(50, 'tooLong'),
  capKw: kw,
});

export const feederImportSchema = z.object({ siteId: z.uuid('invalid'), text: z.string().trim().min(1, 'required').max(2_000_000, 'tooLong') });

const minutes = z.coerce.number('number').int('number').min(0, 'outOfRange').max(1440, 'outOfRange');

/**
 * A site's curtailment settings: minimum on and off times in minutes (0 = none, at most a day), and
 * the power-target levels Optimal may down-clock to, typed as percentages ("80, 60"; blank = sleep only).
 */
export const curtailmentSettingsSchema = z.object({
  siteId: z.uuid('invalid'),
  minOnMinutes: minutes.default(0),
  minOffMinutes: minutes.default(0),
  powerTargetPcts: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean) : v),
    z.array(z.coerce.number('number').int('number').min(10, 'outOfRange').max(95, 'outOfRange')).max(5, 'outOfRange').default([]),
  ),
});
