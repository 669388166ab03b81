import { z } from './zod';

const minerIds = z.array(z.uuid('invalid')).min(1, 'required').max(500, 'tooLong');
const ttl = z.coerce.number().int('number').min(60, 'outOfRange').max(86_400, 'outOfRange').default(3600);
const base = { minerIds, ttlS: ttl };

const empty = z.object({}).default({});

/** Each command's parameters, checked before queueing (shared by the per-miner form and the bulk actions). */
export const commandParams = {
  REBOOT: empty,
  SLEEP: empty,
  WAKE: empty,
  POWER_MODE: z.object({ mode: z.enum(['low', 'normal', 'high'], { error: 'invalid' }) }),
  POOL_SET: z.object({
    url: z.string().trim().regex(/^stratum\+(tcp|ssl):\/\/[^\s,]+:\d+$/, 'invalid').max(300, 'tooLong'),
    user: z.string().trim().min(1, 'required').max(200, 'tooLong').regex(/^[^,\s]+$/, 'invalid'),
    password: z.string().trim().max(100, 'tooLong').regex(/^[^,\s]*$/, 'invalid').optional(),
  }),
  SET_FREQUENCY: z.object({ mhz: z.coerce.number().int('number').min(100, 'outOfRange').max(1000, 'outOfRange') }),
  SET_POWER_TARGET: z.object({ watts: z.coerce.number().int('number').min(500, 'outOfRange').max(10_000, 'outOfRange') }),
};

/** A command of any type with `extra` fields beside type and params (one miner's ids, or a bulk selection). */
export function commandUnion<E extends z.ZodRawShape>(extra: E) {
  return z.discriminatedUnion('type', [
    z.object({ ...extra, type: z.literal('REBOOT'), params: commandParams.REBOOT }),
    z.object({ ...extra, type: z.literal('SLEEP'), params: commandParams.SLEEP }),
    z.object({ ...extra, type: z.literal('WAKE'), params: commandParams.WAKE }),
    z.object({ ...extra, type: z.literal('POWER_MODE'), params: commandParams.POWER_MODE }),
    z.object({ ...extra, type: z.literal('POOL_SET'), params: commandParams.POOL_SET }),
    z.object({ ...extra, type: z.literal('SET_FREQUENCY'), params: commandParams.SET_FREQUENCY }),
    z.object({ ...extra, type: z.literal('SET_POWER_TARGET'), params: commandParams.SET_POWER_TARGET }),
  ]);
}

export const commandTtl = ttl;

/** An operator's command for one miner or a selection; params are checked per type before queueing. */
export const queueCommandSchema = commandUnion(base);
export type QueueCommandInput = z.infer<typeof queueCommandSchema>;

/** A collector's report on a command (a message or a small object), stored and shown as it came. */
export const ACK_RESULT_MAX_CHARS = 2000;

export const ackSchema = z.object({
  status: z.enum(['SUCCESS', 'FAILED', 'ERROR', 'TIMEOUT']),
  result: z
    .unknown()
    .optional()
    .refine((v) => v === undefined || JSON.stringify(v).length <= ACK_RESULT_MAX_CHARS, `at most ${ACK_RESULT_MAX_CHARS} characters of JSON`),
  execution_time_ms: z.number().int().min(0).max(3_600_000).optional(),
  ack_nonce: z.string().min(1).max(100),
});
export type AckInput = z.infer<typeof ackSchema>;
