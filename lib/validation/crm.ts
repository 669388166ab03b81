import { z } from './zod';
import { ACTIVITY_KINDS } from '@/lib/domain/crm/activity';
import { LEAD_SOURCES, LEAD_STATUSES } from '@/lib/domain/crm/lead';
import { centsFromUsdText } from '@/lib/domain/crm/money';
import { DEAL_STAGES } from '@/lib/domain/crm/pipeline';
import { normalizeReferralCode } from '@/lib/domain/crm/referral-code';
import { flagField, pageFields, searchField } from '@/lib/list/list-fields';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, 'tooLong').nullish().transform((v) => v ?? null));
const requiredText = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'tooLong');
const optionalEmail = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() || null : v),
  z
    .email('email')
    .max(200, 'tooLong')
    .transform((v) => v.toLowerCase())
    .nullish()
    .transform((v) => v ?? null),
);
const optionalId = z.preprocess(blankToNull, z.uuid('invalid').nullish().transform((v) => v ?? null));

/** Dollars typed in a form → integer cents; a negative amount is its own field error. */
const usdCents = z.string().max(40, 'tooLong').transform((v, ctx) => {
  const r = centsFromUsdText(v);
  if ('cents' in r) return r.cents;
  ctx.addIssue({ code: 'custom', message: r.problem === 'negative' ? 'notNegative' : r.problem === 'tooLarge' ? 'outOfRange' : 'number' });
  return z.NEVER;
});
const optionalUsdCents = z.preprocess(blankToNull, usdCents.nullish().transform((v) => v ?? null));

/** Comma-separated tags → a sorted, de-duplicated list, each lower-case and short. */
const tagList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',') : (v ?? [])),
  z
    .array(z.string().trim().toLowerCase().max(32, 'tooLong'))
    .max(200, 'tooLong')
    .transform((tags) => [...new Set(tags.filter(Boolean))].sort())
    .pipe(z.array(z.string().max(32)).max(20, 'tooLong')),
);

export const customerInputSchema = z.object({
  name: requiredText(200),
  company: optionalText(200),
  email: optionalEmail,
  phone: optionalText(50),
  tier: z.enum(['STANDARD', 'ENTERPRISE', 'VIP'], 'invalid').default('STANDARD'),
  ownerUserId: optionalId,
  tags: tagList,
});
export type CustomerInput = z.infer<typeof customerInputSchema>;
export const customerUpdateSchema = customerInputSchema.extend({ id: z.uuid('invalid') });

export const contactInputSchema = z.object({
  customerId: z.uuid('invalid'),
  name: requiredText(200),
  title: optionalText(100),
  email: optionalEmail,
  phone: optionalText(50),
  isPrimary: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const contactUpdateSchema = contactInputSchema.omit({ customerId: true }).extend({ id: z.uuid('invalid') });
export type ContactUpdate = z.infer<typeof contactUpdateSchema>;

export const noteInputSchema = z.object({ customerId: z.uuid('invalid'), body: requiredText(5000) });
export const noteUpdateSchema = z.object({ id: z.uuid('invalid'), body: requiredText(5000) });
export type NoteUpdate = z.infer<typeof noteUpdateSchema>;
/** A row named by its id (delete contact, note). */
export const idSchema = z.object({ id: z.uuid('invalid') });

export const leadInputSchema = z.object({
  name: requiredText(200),
  company: optionalText(200),
  email: optionalEmail,
  phone: optionalText(50),
  source: z.enum(LEAD_SOURCES, 'invalid'),
  referralCode: z.preprocess(
    blankToNull,
    z
      .string()
      .max(40, 'tooLong')
      .transform((v, ctx) => normalizeReferralCode(v) ?? (ctx.addIssue({ code: 'custom', message: 'invalid' }), z.NEVER))
      .nullish()
      .transform((v) => v ?? null),
  ),
  ownerUserId: optionalId,
  notes: z.preprocess((v) => v ?? '', z.string().trim().max(5000, 'tooLong')),
});
export type LeadInput = z.infer<typeof leadInputSchema>;

/** Converting a lead: the customer it becomes (its e-mail must be free), and optionally a first deal. */
export const convertLeadSchema = z.object({
  id: z.uuid('invalid'),
  tier: z.enum(['STANDARD', 'ENTERPRISE', 'VIP'], 'invalid').default('STANDARD'),
  dealTitle: optionalText(200),
  dealValue: optionalUsdCents,
});
export type ConvertLeadInput = z.infer<typeof convertLeadSchema>;

export const leadStatusSchema = z.object({ id: z.uuid('invalid'), status: z.enum(['new', 'contacted', 'qualified', 'lost'], 'invalid'), reason: optionalText(500) });

/** A deal's own fields, shared by the new-deal and edit forms. */
const dealFields = {
  title: requiredText(200),
  value: usdCents,
  expectedCloseOn: z.preprocess(blankToNull, z.iso.date('invalid').nullish().transform((v) => v ?? null)),
  ownerUserId: optionalId,
  brokerName: optionalText(200),
  commissionPct: z.preprocess(
    blankToNull,
    z.coerce
      .number('number')
      .min(0, 'notNegative')
      .max(100, 'outOfRange')
      .transform((pct) => Math.round(pct * 100))
      .nullish()
      .transform((v) => v ?? null),
  ),
  commissionFixed: optionalUsdCents,
};
type DealCommission = { brokerName: string | null; commissionPct: number | null; commissionFixed: number | null };
const oneCommission = (v: DealCommission) => v.commissionPct === null || v.commissionFixed === null;
const brokerNamed = (v: DealCommission) => (v.commissionPct === null && v.commissionFixed === null) || !!v.brokerName;

/** A deal on a customer or a lead, with a broker's commission as a rate (percent) or a fixed amount. */
export const dealInputSchema = z
  .object({ customerId: optionalId, leadId: optionalId, ...dealFields })
  .refine((v) => v.customerId || v.leadId, { path: ['customerId'], message: 'required' })
  .refine(oneCommission, { path: ['commissionFixed'], message: 'invalid' })
  .refine(brokerNamed, { path: ['brokerName'], message: 'required' });
export type DealInput = z.infer<typeof dealInputSchema>;

/** Editing a deal's fields (not its stage: that is a board move) at the version the form was opened on. */
export const dealUpdateSchema = z
  .object({ id: z.uuid('invalid'), version: z.coerce.number().int().positive('invalid'), ...dealFields })
  .refine(oneCommission, { path: ['commissionFixed'], message: 'invalid' })
  .refine(brokerNamed, { path: ['brokerName'], message: 'required' });
export type DealUpdate = z.infer<typeof dealUpdateSchema>;
export const dealDeleteSchema = z.object({ id: z.uuid('invalid'), version: z.coerce.number().int().positive('invalid') });

/** A board move: where the page saw the card (stage and version) and where it goes. */
export const moveDealSchema = z.object({
  id: z.uuid('invalid'),
  fromStage: z.enum(DEAL_STAGES, 'invalid'),
  version: z.coerce.number().int().positive('invalid'),
  toStage: z.enum(DEAL_STAGES, 'invalid'),
  reason: optionalText(500),
});
export type MoveDealInput = z.infer<typeof moveDealSchema>;

export const activityInputSchema = z
  .object({
    customerId: optionalId,
    leadId: optionalId,
    dealId: optionalId,
    kind: z.enum(ACTIVITY_KINDS, 'invalid'),
    subject: requiredText(200),
    body: z.preprocess((v) => v ?? '', z.string().trim().max(5000, 'tooLong')),
    dueAt: z.preprocess(blankToNull, z.coerce.date('invalid').nullish().transform((v) => v ?? null)),
    ownerUserId: optionalId,
  })
  .refine((v) => v.customerId || v.leadId, { path: ['customerId'], message: 'required' })
  .refine((v) => v.kind !== 'task' || v.dueAt, { path: ['dueAt'], message: 'required' })
  .transform((v) => ({ ...v, dueAt: v.kind === 'task' ? v.dueAt : null }));
export type ActivityInput = z.infer<typeof activityInputSchema>;

export const completeTaskSchema = z.object({ id: z.uuid('invalid') });

export const crmCustomerListSchema = z.object({ ...pageFields(50), q: searchField(), mine: flagField() });
export const leadListSchema = z.object({ ...pageFields(25), q: searchField(), status: z.enum(LEAD_STATUSES).optional() });
export const activityListSchema = z.object({ ...pageFields(25), overdue: flagField(), mine: flagField(), customerId: z.uuid().optional() });

/**
 * An announcement to the portal: for every client, or those of one site, tier or brand (each
 * optional; all given must match). Publish and expiry times come from the browser as instants.
 */
export const announcementInputSchema = z
  .object({
    title: requiredText(200),
    body: requiredText(5000),
    siteId: optionalId,
    tier: z.preprocess(blankToNull, z.enum(['STANDARD', 'ENTERPRISE', 'VIP'], 'invalid').nullish().transform((v) => v ?? null)),
    brandId: optionalId,
    publishAt: z.preprocess(blankToNull, z.coerce.date('invalid').nullish().transform((v) => v ?? null)),
    expiresAt: z.preprocess(blankToNull, z.coerce.date('invalid').nullish().transform((v) => v ?? null)),
  })
  .refine((v) => !v.expiresAt || !v.publishAt || v.expiresAt > v.publishAt, { path: ['expiresAt'], message: 'outOfRange' });
export type AnnouncementInput = z.infer<typeof announcementInputSchema>;

export const announcementReadSchema = z.object({ id: z.uuid('invalid') });

/** The public sign-up form (a prospective client): an e-mail is required to confirm it. */
export const registrationSchema = z.object({
  name: requiredText(200),
  company: optionalText(200),
  email: z
    .string({ error: 'required' })
    .trim()
    .min(1, 'required')
    .max(200, 'tooLong')
    .pipe(z.email('email').max(200, 'tooLong'))
    .transform((v) => v.toLowerCase()),
  phone: optionalText(50),
  message: z.preprocess((v) => v ?? '', z.string().trim().max(2000, 'tooLong')),
  referralCode: leadInputSchema.shape.referralCode,
  locale: z.enum(['en', 'zh']).default('en'),
});

/** Approving a converted lead into a portal user; `locale` is the language of its e-mail and account. */
export const approvePortalSchema = z.object({ id: z.uuid('invalid'), locale: z.enum(['en', 'zh'], 'invalid').default('en') });
