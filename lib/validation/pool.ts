import { POOL_ALERT_KINDS } from '@/lib/domain/alerts/severity';
import { flagField, pageFields, searchField, sortFields } from '@/lib/list/list-fields';
import { z } from './zod';

export { POOL_ALERT_KINDS };

export const POOL_WORKER_SORTS = ['name', 'hs10m', 'hs1h', 'hs1d', 'deviation'] as const;

/** The pool page: the worker table's filters and sort, and the hashrate chart's range. */
export const poolWorkersPageSchema = z.object({
  ...pageFields(50),
  ...sortFields(POOL_WORKER_SORTS, 'name'),
  status: z.enum(['online', 'offline', 'invalid']).optional(),
  link: z.enum(['linked', 'unlinked']).optional(),
  range: z.enum(['10m', '1h', '1d']).default('10m'),
  q: searchField(),
  account: z.uuid().optional(),
  deviant: flagField(),
});

/** /pool/links: which side of the mismatch, a search and an account. */
export const poolLinksPageSchema = z.object({
  ...pageFields(50),
  tab: z.enum(['workers', 'miners', 'manual']).default('workers'),
  q: searchField(),
  account: z.uuid().optional(),
});

export const poolAlertsPageSchema = z.object({
  ...pageFields(50),
  state: z.enum(['open', 'resolved', 'all']).default('open'),
  kind: z.enum(POOL_ALERT_KINDS).optional(),
  q: searchField(),
});

export const poolPaymentsPageSchema = z.object({
  ...pageFields(50),
  kind: z.enum(['payout', 'recv']).default('payout'),
  account: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const poolUsagePageSchema = z.object({ ...pageFields(50), errors: flagField() });

export const poolAccountSchema = z.object({
  id: z.uuid('invalid').optional().or(z.literal('').transform(() => undefined)),
  label: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  userId: z.string().trim().min(1, 'required').max(100, 'tooLong').regex(/^[A-Za-z0-9._-]+$/, 'invalid'),
  parentId: z.uuid('invalid').optional().or(z.literal('').transform(() => undefined)),
  apiKey: z.string().trim().max(200, 'tooLong').optional().transform((v) => v || undefined),
  secret: z.string().max(200, 'tooLong').optional().transform((v) => v || undefined),
  workerPattern: z.string().trim().min(1, 'required').max(200, 'tooLong'),
});
export type PoolAccountForm = z.infer<typeof poolAccountSchema>;

const workerRef = { accountId: z.uuid('invalid'), workerName: z.string().trim().min(1, 'required').max(200, 'tooLong') };
export const poolLinkSchema = z.object({ ...workerRef, minerId: z.uuid('invalid') });
/** `none`: keep the worker unlinked on purpose; `pattern`: drop the manual link and let the pattern decide. */
export const poolUnlinkSchema = z.object({ ...workerRef, mode: z.enum(['none', 'pattern'], 'invalid') });
export const poolPatternSchema = z.object({ accountId: z.uuid('invalid'), workerPattern: z.string().trim().min(1, 'required').max(200, 'tooLong') });
export const poolAccountToggleSchema = z.object({ id: z.uuid('invalid'), enabled: z.enum(['true', 'false'], 'invalid').transform((v) => v === 'true') });
