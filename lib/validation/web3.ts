import { EXCHANGES } from '@/lib/integrations/exchange/test-connection';
import { z } from './zod';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const label = z.string().trim().min(1, 'required').max(80, 'tooLong');
const optional = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, 'tooLong').nullish().transform((v) => v ?? null));

/** What the wizard posts at each step and, all together, at the confirmation. Addresses are checked by lib/domain/web3 after this. */
export const web3ConfigSchema = z.object({
  btcLabel: z.preprocess(blankToNull, label.nullish().transform((v) => v ?? 'BTC payouts')),
  btcAddress: optional(100),
  btcNetwork: z.enum(['mainnet', 'testnet', 'regtest'], { error: 'invalid' }).default('mainnet'),
  usdtLabel: z.preprocess(blankToNull, label.nullish().transform((v) => v ?? 'USDT payouts')),
  usdtAddress: optional(60),
  xpubLabel: z.preprocess(blankToNull, label.nullish().transform((v) => v ?? 'Watch-only wallet')),
  xpub: optional(130),
  exchange: z.preprocess(blankToNull, z.enum(EXCHANGES, { error: 'invalid' }).nullish().transform((v) => v ?? null)),
  exchangeLabel: z.preprocess(blankToNull, label.nullish().transform((v) => v ?? 'Exchange')),
  apiKey: optional(200),
  apiSecret: optional(200),
  testConnection: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
});
export type Web3ConfigInput = z.infer<typeof web3ConfigSchema>;

export const web3DeleteSchema = z.object({ kind: z.enum(['address', 'wallet', 'exchange'], { error: 'invalid' }), id: z.uuid('invalid') });
