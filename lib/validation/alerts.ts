import { RULE_KINDS } from '@/lib/domain/alerts/rule-kinds';
import { pageFields } from '@/lib/list/list-fields';
import { z } from './zod';
import { num } from './calculator';

/*
 * Personal mining settings, alert rules and notification channels. Bounds fence off absurd values
 * (a typo, a unit mix-up); they are not opinions about the market.
 */
export const miningSettingsSchema = z.object({
  electricityUsdPerKwh: num({ min: 0, max: 10 }),
  efficiencyJPerTh: num({ min: 1, max: 500 }),
  // Up to 100 EH/s: above any single operator's fleet.
  hashrateThs: num({ min: 0, max: 100_000_000, minExclusive: true }),
});
export type MiningSettingsInput = z.infer<typeof miningSettingsSchema>;

export { RULE_KINDS };
/** Per kind: USD/PH/day, USD/day (may be negative: "warn me when I lose more than…"), percent. */
export const THRESHOLD_BOUNDS = {
  hashprice_below: { min: 0, max: 100_000, minExclusive: true },
  profit_below: { min: -100_000_000, max: 100_000_000 },
  difficulty_change_above: { min: 0, max: 100, minExclusive: true },
} as const;

/** A channel id, or `account-email`: the signed-in user's own address, created as a channel on save. */
export const ACCOUNT_EMAIL = 'account-email';

const ruleShape = z.object({
  id: z.uuid('invalid').optional(),
  kind: z.enum(RULE_KINDS, { error: 'invalid' }),
  threshold: num({ min: -100_000_000, max: 100_000_000 }),
  channelIds: z.array(z.union([z.uuid('invalid'), z.literal(ACCOUNT_EMAIL)])).min(1, 'required').max(10, 'tooLong'),
});

export const alertRuleSchema = ruleShape.superRefine((v, ctx) => {
  const b = THRESHOLD_BOUNDS[v.kind];
  const tooLow = 'minExclusive' in b && b.minExclusive ? v.threshold <= b.min : v.threshold < b.min;
  if (tooLow || v.threshold > b.max) ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'outOfRange' });
});
export type AlertRuleInput = z.infer<typeof alertRuleSchema>;

export const webhookChannelSchema = z.object({
  label: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  url: z
    .string()
    .trim()
    .min(1, 'required')
    .max(500, 'tooLong')
    .pipe(z.url({ protocol: /^https?$/, error: 'invalid' })),
  // Shared with the receiver to verify X-HashInsight-Signature; never shown again after saving.
  secret: z.string().min(16, 'tooShort').max(200, 'tooLong'),
});
export type WebhookChannelInput = z.infer<typeof webhookChannelSchema>;

/**
 * A chat channel: a Slack-compatible incoming webhook (its URL is the secret) or a Telegram bot
 * (token and chat). Both are typed once and stored sealed; the browser sees the URL masked.
 */
export const chatChannelSchema = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('slack'),
    label: z.string().trim().min(1, 'required').max(60, 'tooLong'),
    url: z.string().trim().min(1, 'required').max(500, 'tooLong').pipe(z.url({ protocol: /^https?$/, error: 'invalid' })),
  }),
  z.object({
    format: z.literal('telegram'),
    label: z.string().trim().min(1, 'required').max(60, 'tooLong'),
    // BotFather's form: the bot's id, a colon and 35 characters of secret.
    botToken: z.string().trim().regex(/^\d{3,15}:[A-Za-z0-9_-]{30,60}$/, 'invalid'),
    // A numeric chat id (groups and channels are negative) or a public channel's @name.
    chatId: z.string().trim().regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/, 'invalid'),
  }),
]);
export type ChatChannelInput = z.infer<typeof chatChannelSchema>;

/** The organization's escalation of unacknowledged critical alerts; no channel turns it off. */
export const escalationSettingsSchema = z.object({
  afterMinutes: z.coerce.number().int('number').min(5, 'outOfRange').max(1440, 'outOfRange'),
  channelId: z.preprocess((v) => (v === '' ? null : v), z.uuid('invalid').nullable()),
});

export const idSchema = z.object({ id: z.uuid('invalid') });

/** The delivery log's URL on the alerts settings page. */
export const deliveryLogPageSchema = z.object({ ...pageFields(25), status: z.enum(['sent', 'failed', 'pending']).optional() });
