import { z } from './zod';
import { TICKET_PRIORITIES } from '@/lib/domain/hosting/ticket-sla';
import { TICKET_STATUSES } from '@/lib/domain/hosting/ticket-status';
import { flagField, pageFields } from '@/lib/list/list-fields';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalId = z.preprocess(blank, z.uuid('invalid').optional());

/**
 * A new ticket from the dialog. The target is a miner (by id, or by name/serial typed in the
 * dialog), a site or a customer: at least one of them. db/queries/hosting/ticket-writes.ts checks that the
 * target is inside the caller's scope.
 */
export const createTicketSchema = z
  .object({
    title: z.string().trim().min(3, 'tooShort').max(200, 'tooLong'),
    body: z.preprocess((v) => v ?? '', z.string().trim().max(5000, 'tooLong')),
    priority: z.enum(TICKET_PRIORITIES, 'invalid'),
    minerId: optionalId,
    minerRef: z.preprocess(blank, z.string().trim().max(100, 'tooLong').optional()),
    siteId: optionalId,
    customerId: optionalId,
    assigneeUserId: optionalId,
  })
  .refine((v) => v.minerId || v.minerRef || v.siteId || v.customerId, { path: ['target'], message: 'required' });
export type CreateTicketInput = z.infer<typeof createTicketSchema>;

export const ticketStatusChangeSchema = z.object({ id: z.uuid('invalid'), status: z.enum(TICKET_STATUSES, 'invalid') });

/** An empty assignee unassigns. */
export const assignTicketSchema = z.object({ id: z.uuid('invalid'), assigneeUserId: z.preprocess((v) => (v === '' ? null : v), z.uuid('invalid').nullable()) });

export const ticketCommentSchema = z.object({
  id: z.uuid('invalid'),
  body: z.string().trim().min(1, 'required').max(5000, 'tooLong'),
  internal: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});

/** The list page's URL (parseListPage: a hand-edited bad value falls back to "no filter"). */
export const ticketListPageSchema = z.object({
  ...pageFields(25),
  status: z.enum([...TICKET_STATUSES, 'active']).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  siteId: z.uuid().optional(),
  assigneeId: z.union([z.uuid(), z.literal('none')]).optional(),
  overdue: flagField(),
  mine: flagField(),
});
