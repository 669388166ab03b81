import { z } from './zod';
import { TICKET_PRIORITIES } from '@/lib/domain/hosting/ticket-sla';
import { commandTtl, commandUnion } from './edge-commands';
import { MINER_STATUSES, minerListQuerySchema } from './hosting';

/** The miner list's filter, as its URL carries it (the server resolves it under the actor's scope). */
export const minerFilterSchema = minerListQuerySchema.pick({ q: true, status: true, state: true, siteId: true, customerId: true, modelId: true, ip: true });
export type MinerFilterInput = z.infer<typeof minerFilterSchema>;

/**
 * The miners a bulk action is for: the rows ticked on the page (`ids`), or every miner matching the
 * list's filter (`filter`) — the client never sends thousands of ids, and a miner the actor cannot
 * see never matches.
 */
export const bulkSelectionSchema = z.union([
  z.object({ mode: z.literal('ids'), ids: z.array(z.uuid('invalid')).min(1, 'required').max(500, 'tooLong') }),
  z.object({ mode: z.literal('filter'), filter: minerFilterSchema }),
]);
export type BulkSelection = z.infer<typeof bulkSelectionSchema>;

export const bulkCommandSchema = commandUnion({ selection: bulkSelectionSchema, ttlS: commandTtl });
export type BulkCommandInput = z.infer<typeof bulkCommandSchema>;

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Move to another site and/or customer ('none' = house-owned); at least one is given. */
export const bulkMoveSchema = z
  .object({
    selection: bulkSelectionSchema,
    siteId: z.preprocess(blankToUndefined, z.uuid('invalid').optional()),
    customerId: z.preprocess(blankToUndefined, z.union([z.uuid('invalid'), z.literal('none')]).optional()),
  })
  .refine((v) => v.siteId || v.customerId, { path: ['siteId'], message: 'required' });
export type BulkMoveInput = z.infer<typeof bulkMoveSchema>;

export const bulkStatusSchema = z.object({ selection: bulkSelectionSchema, status: z.enum(MINER_STATUSES, 'invalid') });
export type BulkStatusInput = z.infer<typeof bulkStatusSchema>;

export const bulkTicketSchema = z.object({
  selection: bulkSelectionSchema,
  title: z.string().trim().min(3, 'tooShort').max(200, 'tooLong'),
  body: z.preprocess((v) => v ?? '', z.string().trim().max(5000, 'tooLong')),
  priority: z.enum(TICKET_PRIORITIES, 'invalid'),
});
export type BulkTicketInput = z.infer<typeof bulkTicketSchema>;
