import { OPEX_CATEGORIES } from '@/lib/domain/treasury/cost-basis';
import { checkBtcAddress } from '@/lib/domain/web3/btc-address';
import { pageFields } from '@/lib/list/list-fields';
import { centsSchema, positiveCentsSchema } from './billing';
import { monthSchema } from './power';
import { z } from './zod';

/*
 * Treasury forms. BTC amounts are written in BTC with up to 8 decimals and leave as sats; USD with up
 * to 2 decimals leaves as cents; instants come as ISO strings (the dialog converts the local time).
 * A malformed or negative amount is a field error, never rounded into another figure.
 */

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const note = optional(z.string().trim().max(500, 'tooLong'));
const uuid = z.uuid('invalid');

/** "0.12345678" BTC → 12,345,678 sats (at most 21 million BTC). */
export const satsSchema = z
  .string()
  .max(40, 'tooLong')
  .trim()
  .transform((v, ctx) => {
    if (v.startsWith('-')) return (ctx.addIssue({ code: 'custom', message: 'positive' }), z.NEVER);
    if (!/^\d{1,8}(\.\d{1,8})?$/.test(v)) return (ctx.addIssue({ code: 'custom', message: 'number' }), z.NEVER);
    const [whole, frac = ''] = v.split('.');
    const sats = Number(whole) * 100_000_000 + Number(frac.padEnd(8, '0'));
    if (sats > 2_100_000_000_000_000) return (ctx.addIssue({ code: 'custom', message: 'outOfRange' }), z.NEVER);
    return sats;
  });
const positiveSats = satsSchema.refine((n) => n > 0, 'positive');
const txHash = z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'invalid').transform((v) => v.toLowerCase());
const instant = z.coerce.date('invalid').refine((d) => !Number.isNaN(d.getTime()), 'invalid');

export const walletCreateSchema = z
  .object({
    kind: z.enum(['address', 'exchange']),
    label: z.string().trim().min(1, 'required').max(80, 'tooLong'),
    address: optional(z.string().trim().max(120, 'tooLong')),
  })
  .transform((v, ctx) => {
    if (v.kind !== 'address') return { ...v, address: null };
    if (!v.address) return (ctx.addIssue({ code: 'custom', message: 'required', path: ['address'] }), z.NEVER);
    const check = checkBtcAddress(v.address);
    if (!check.ok) return (ctx.addIssue({ code: 'custom', message: 'invalid', path: ['address'] }), z.NEVER);
    return { ...v, address: check.address };
  });
export type WalletCreate = z.infer<typeof walletCreateSchema>;

export const entryCreateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inflow'), walletId: uuid, occurredAt: instant, btc: positiveSats, txHash, note }),
  z.object({ kind: z.literal('sale'), walletId: uuid, occurredAt: instant, btc: positiveSats, priceUsd: positiveCentsSchema, feeUsd: optional(centsSchema).default(0), note }),
  z.object({ kind: z.literal('transfer'), walletId: uuid, toWalletId: uuid, occurredAt: instant, btc: positiveSats, feeBtc: optional(satsSchema).default(0), txHash: optional(txHash), note }),
  z.object({ kind: z.literal('network_fee'), walletId: uuid, occurredAt: instant, btc: positiveSats, txHash: optional(txHash), note }),
  z.object({ kind: z.enum(['cash_in', 'cash_out']), occurredAt: instant, usd: positiveCentsSchema, note }),
]);
export type EntryCreate = z.infer<typeof entryCreateSchema>;

export const entryReverseSchema = z.object({ entryId: z.coerce.number('invalid').int('invalid').positive('invalid'), note });

export const opexSchema = z.object({ month: monthSchema, category: z.enum(OPEX_CATEGORIES), amountUsd: centsSchema, note });

export const treasurySettingsSchema = z.object({
  runwayAlertMonths: z.coerce.number('number').int('number').min(0, 'outOfRange').max(120, 'outOfRange'),
  coverMonths: z.coerce.number('number').int('number').min(1, 'outOfRange').max(60, 'outOfRange'),
  payoutWalletId: optional(uuid).transform((v) => v ?? null),
});

export const treasuryPageSchema = z.object({ ...pageFields(25), method: z.enum(['fifo', 'average']).default('fifo') });
