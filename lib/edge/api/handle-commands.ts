import type { Db } from '@/db/client';
import { ackCommand, LEASE_S, leaseCommands } from '@/db/queries/edge/commands';
import { NO_PARAMS } from '@/lib/api/bearer-token';
import { BODY_LIMITS } from '@/lib/api/body-limits';
import { type DeviceHandler, withDeviceToken } from '@/lib/api/with-device-token';
import { AppError } from '@/lib/core/errors';
import { ackSchema } from '@/lib/validation/edge-commands';
import { signCommand } from '../command-signature';
import { readJsonBody } from '../ingest/read-body';

/** GET /api/edge/v1/commands/poll?limit (default 10, max 50): leases due commands of the token's site. */
export const pollCommands: DeviceHandler = async (request, { db, device, now }) => {
  const raw = new URL(request.url).searchParams.get('limit');
  const limit = raw === null ? 10 : Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new AppError('VALIDATION', 'limit must be a positive integer');
  const commands = (await leaseCommands(db, device, Math.min(limit, 50), now)).map((c) => signCommand(c, device.signingKey));
  return Response.json({ commands, server_time: now.toISOString(), lease_duration_sec: LEASE_S, dispatched_count: commands.length });
};

/** POST /api/edge/v1/commands/{id}/ack {status, result, execution_time_ms, ack_nonce}. */
export const acknowledgeCommand: DeviceHandler<{ id: string }> = async (request, { db, device, now, params }) => {
  const commandId = params.id;
  if (!/^[0-9a-f-]{36}$/i.test(commandId)) throw new AppError('NOT_FOUND', 'Command not found');
  const parsed = ackSchema.safeParse(await readJsonBody(request, BODY_LIMITS.json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  const out = await ackCommand(db, device, commandId, parsed.data, now);
  switch (out.kind) {
    case 'ok':
    case 'replayed':
      return Response.json({ acknowledged: true, command_id: commandId, command_status: out.status, replayed: out.kind === 'replayed' });
    case 'not_found':
      throw new AppError('NOT_FOUND', 'Command not found');
    case 'nonce_mismatch':
      throw new AppError('NONCE_MISMATCH', 'ack_nonce does not match the current lease');
    case 'expired':
      throw new AppError('COMMAND_EXPIRED', 'Command has expired');
    case 'not_leased':
      throw new AppError('NOT_LEASED', `Command is ${out.status}, not leased`);
  }
};

/** The poll and the ack as their routes run them, against a given database and clock (tests, the collector tests' cloud). */
export const handleCommandPoll = (db: Db, request: Request, now: Date) => withDeviceToken('edge-poll', pollCommands, async () => ({ db, now }))(request, NO_PARAMS);
export const handleCommandAck = (db: Db, request: Request, id: string, now: Date) =>
  withDeviceToken('edge-ack', acknowledgeCommand, async () => ({ db, now }))(request, { params: Promise.resolve({ id }) });
