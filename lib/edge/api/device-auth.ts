import type { Db } from '@/db/client';
import { type EdgeDevice, findDeviceByToken } from '@/db/queries/edge-devices';
import { AppError, ERROR_STATUS } from '@/lib/api/errors';
import { IngestError } from '../ingest/read-body';

/** The active device of the request's bearer token; 401 otherwise. */
export async function authenticateDevice(db: Db, request: Request): Promise<EdgeDevice> {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const device = token ? await findDeviceByToken(db, token) : null;
  if (!device) throw new IngestError(401, 'UNAUTHENTICATED', 'Invalid or revoked device token');
  return device;
}

export function edgeErrorResponse(e: unknown, where: string): Response {
  if (e instanceof IngestError) return Response.json({ status: 'error', error: { code: e.code, message: e.message } }, { status: e.status });
  if (e instanceof AppError) return Response.json({ status: 'error', error: { code: e.code, message: e.message } }, { status: ERROR_STATUS[e.code] });
  console.error(`[${where}] unexpected error`, e);
  return Response.json({ status: 'error', error: { code: 'INTERNAL', message: 'Internal error' } }, { status: 500 });
}
