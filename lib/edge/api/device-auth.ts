import type { Db } from '@/db/client';
import { pgErrorCode } from '@/db/errors';
import { type EdgeDevice, findDeviceByToken } from '@/db/queries/edge-devices';
import { AppError, ERROR_STATUS } from '@/lib/core/errors';
import { IngestError } from '../ingest/read-body';

/** The active device of the request's bearer token; 401 otherwise. */
export async function authenticateDevice(db: Db, request: Request): Promise<EdgeDevice> {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const device = token ? await findDeviceByToken(db, token) : null;
  if (!device) throw new IngestError(401, 'UNAUTHENTICATED', 'Invalid or revoked device token');
  return device;
}

/**
 * The edge API's answer to a failure. A data exception from PostgreSQL (SQLSTATE class 22: a value
 * out of range for its column, a NUL in text…) is the request's fault and answers 400: the
 * validation should have caught it, but a 500 would make the collector retry the same upload forever.
 */
export function edgeErrorResponse(e: unknown, where: string): Response {
  if (e instanceof IngestError) return Response.json({ status: 'error', error: { code: e.code, message: e.message } }, { status: e.status });
  if (e instanceof AppError) return Response.json({ status: 'error', error: { code: e.code, message: e.message } }, { status: ERROR_STATUS[e.code] });
  if (pgErrorCode(e)?.startsWith('22')) {
    console.warn(`[${where}] value refused by the database`, pgErrorCode(e));
    return Response.json({ status: 'error', error: { code: 'INVALID_VALUE', message: 'A value is out of range for its column' } }, { status: 400 });
  }
  console.error(`[${where}] unexpected error`, e);
  return Response.json({ status: 'error', error: { code: 'INTERNAL', message: 'Internal error' } }, { status: 500 });
}
