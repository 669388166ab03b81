import { PRICINGS } from '@/lib/domain/billing/contract';
import { checkDepositAddress, DEPOSIT_ASSETS, DEPOSIT_NETWORKS } from '@/lib/domain/billing/deposit-address';
import { PAYMENT_METHODS, PAYMENT_PURPOSES } from '@/lib/domain/billing/payment';
import { daySchema, monthSchema } from './power';
import { z } from './zod';

/*
 * Billing forms. Amounts come in as people write them (USD "1,250.00"-style without separators,
 * percentages "8.25") and leave as integers in the smallest unit: cents, milli-cents, basis points,
 * satoshis. A negative or malformed amount is a field error, never rounded into something else.
 */

/** A non-negative decimal with at most `places` decimals → an integer of 10^-places units. */
const decimalTo = (places: number, max: number) =>
  z
    .string()
    .max(40, 'tooLong')
    .trim()
    .transform((v, ctx) => {
      if (v.startsWith('-')) return (ctx.addIssue({ code: 'custom', message: 'positive' }), z.NEVER);
      if (!new RegExp(`^\\d{1,12}(\\.\\d{1,${places}})?$`).test(v)) return (ctx.addIssue({ code: 'custom', message: 'number' }), z.NEVER);
      const [whole, frac = ''] = v.split('.');
      const n = Number(whole) * 10 ** places + Number(frac.padEnd(places, '0') || '0');
      if (n > max) return (ctx.addIssue({ code: 'custom', message: 'outOfRange' }), z.NEVER);
      return n;
    });

export const centsSchema = decimalTo(2, 100_000_000_000);
export const positiveCentsSchema = centsSchema.refine((n) => n > 0, 'positive');
const percentBps = decimalTo(2, 10_000);
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), s.optional());
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const int = (min: number, max: number) => z.coerce.number({ message: 'number' }).int('number').min(min, 'outOfRange').max(max, 'outOfRange');

export const contractCreateSchema = z
  .object({
    customerId: z.uuid('invalid'),
    pricing: z.enum(PRICINGS),
    /** $/kWh (up to 5 decimals) for per_kwh; $ a miner or a kW a month otherwise. */
    rateUsd: z.string().trim().min(1, 'required').max(40, 'tooLong'),
    reservedKw: optional(int(0, 1_000_000)).default(0),
    energyPassThrough: checkbox,
    revenueSharePct: optional(percentBps).default(0),
    depositUsd: optional(centsSchema).default(0),
    startDate: daySchema,
    termMonths: int(1, 240),
    autoRenew: checkbox,
    slaUptimePct: optional(percentBps).default(0),
    slaCreditPctPerPoint: optional(percentBps).default(0),
    slaCreditCapPct: optional(percentBps).default(0),
    taxPct: optional(percentBps).default(0),
    paymentTermsDays: optional(int(0, 365)).default(15),
    siteIds: z.array(z.uuid('invalid')).min(1, 'required').max(50),
    minerIds: z.array(z.uuid('invalid')).max(5_000).default([]),
    notes: optional(z.string().trim().max(2_000, 'tooLong')),
  })
  .transform((v, ctx) => {
    const rate = (v.pricing === 'per_kwh' ? decimalTo(5, 1_000_000) : decimalTo(2, 100_000_000)).safeParse(v.rateUsd);
    if (!rate.success) return (ctx.addIssue({ code: 'custom', message: rate.error.issues[0]?.message ?? 'number', path: ['rateUsd'] }), z.NEVER);
    return { ...v, rate: rate.data };
  });
export type ContractCreate = z.infer<typeof contractCreateSchema>;

export const idSchema = z.object({ id: z.uuid('invalid') });

export const invoiceDraftSchema = z.object({
  customerId: z.uuid('invalid'),
  contractId: optional(z.uuid('invalid')),
  taxPct: optional(percentBps),
  items: z
    .array(
      z.object({
        description: z.string().trim().min(1, 'required').max(200, 'tooLong'),
        quantity: z.string().trim().regex(/^\d{1,9}(\.\d{1,6})?$/, 'number'),
        unitUsd: positiveCentsSchema,
      }),
    )
    .min(1, 'required')
    .max(50),
});

export const creditNoteSchema = z.object({ id: z.uuid('invalid'), amountUsd: optional(positiveCentsSchema), reason: z.string().trim().min(1, 'required').max(200, 'tooLong') });

export const paymentSchema = z
  .object({
    customerId: z.uuid('invalid'),
    purpose: z.enum(PAYMENT_PURPOSES),
    method: z.enum(PAYMENT_METHODS),
    amountUsd: optional(positiveCentsSchema),
    /** Coins received, as written: BTC to 8 decimals, USDT to 6. */
    assetAmount: optional(z.string().trim().max(40, 'tooLong')),
    rateUsd: optional(positiveCentsSchema),
    txHash: optional(z.string().trim().regex(/^(0x)?[0-9a-fA-F]{16,128}$/, 'invalid')),
    reference: optional(z.string().trim().max(200, 'tooLong')),
    receivedOn: daySchema,
    allowOverpayment: checkbox,
  })
  .transform((v, ctx) => {
    if (v.method === 'fiat') {
      if (v.amountUsd === undefined) return (ctx.addIssue({ code: 'custom', message: 'required', path: ['amountUsd'] }), z.NEVER);
      return { ...v, assetMinor: undefined };
    }
    const asset = decimalTo(v.method === 'btc' ? 8 : 6, 1e15).refine((n) => n > 0, 'positive').safeParse(v.assetAmount ?? '');
    if (!asset.success) return (ctx.addIssue({ code: 'custom', message: v.assetAmount ? (asset.error.issues[0]?.message ?? 'number') : 'required', path: ['assetAmount'] }), z.NEVER);
    if (v.rateUsd === undefined) return (ctx.addIssue({ code: 'custom', message: 'required', path: ['rateUsd'] }), z.NEVER);
    if (!v.txHash) return (ctx.addIssue({ code: 'custom', message: 'required', path: ['txHash'] }), z.NEVER);
    return { ...v, assetMinor: asset.data };
  });
export type PaymentForm = z.infer<typeof paymentSchema>;

export const monthlyRunSchema = z.object({ month: monthSchema });

/** The bonus credited to a referrer on its referred customer's first fully paid invoice, in USD (0 = none). */
export const referralBonusSchema = z.object({ referralBonus: centsSchema });

/** A deposit address as staff type it: checked for its asset and network (checksum included) before anything is stored. */
export const depositAddressSchema = z
  .object({ customerId: z.uuid('invalid'), asset: z.enum(DEPOSIT_ASSETS, 'invalid'), network: z.string().trim().max(20, 'tooLong'), address: z.string().max(120, 'tooLong') })
  .transform((v, ctx) => {
    const r = checkDepositAddress(v.asset, v.network, v.address);
    if (r.ok) return { ...v, address: r.address };
    // An unknown network is the network field's fault; an address of another network (testnet for mainnet) or with a bad checksum is the address's.
    const networkKnown = (DEPOSIT_NETWORKS[v.asset] as readonly string[]).includes(v.network);
    ctx.addIssue({ code: 'custom', path: [networkKnown ? 'address' : 'network'], message: networkKnown && r.problem === 'required' ? 'required' : 'invalid' });
    return z.NEVER;
  });
export const depositAddressRemoveSchema = z.object({ customerId: z.uuid('invalid'), asset: z.enum(DEPOSIT_ASSETS, 'invalid') });

/** A statement's period: whole UTC days, `from` to `to` inclusive (the books are kept in UTC); at most ten years. */
export const statementPeriodSchema = z
  .object({ from: daySchema, to: daySchema })
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'outOfRange' })
  .refine((v) => Number(v.to.slice(0, 4)) - Number(v.from.slice(0, 4)) <= 10, { path: ['from'], message: 'outOfRange' })
  .transform((v) => ({ ...v, fromAt: new Date(`${v.from}T00:00:00Z`), untilAt: new Date(new Date(`${v.to}T00:00:00Z`).getTime() + 86_400_000) }));

/** A public hosting plan: priced as a contract is (rateUsd read by the pricing's units, like contractCreateSchema). */
export const hostingPlanSchema = z
  .object({
    siteId: z.uuid('invalid'),
    brandId: optional(z.uuid('invalid')),
    name: z.string().trim().min(1, 'required').max(80, 'tooLong'),
    pricing: z.enum(PRICINGS),
    rateUsd: z.string().trim().min(1, 'required').max(40, 'tooLong'),
    minTermMonths: int(1, 240),
    notes: optional(z.string().trim().max(500, 'tooLong')),
    published: checkbox,
  })
  .transform((v, ctx) => {
    const rate = (v.pricing === 'per_kwh' ? decimalTo(5, 1_000_000) : decimalTo(2, 100_000_000)).safeParse(v.rateUsd);
    if (!rate.success) return (ctx.addIssue({ code: 'custom', message: rate.error.issues[0]?.message ?? 'number', path: ['rateUsd'] }), z.NEVER);
    const { rateUsd: _rateUsd, ...rest } = v;
    return { ...rest, rate: rate.data };
  });
