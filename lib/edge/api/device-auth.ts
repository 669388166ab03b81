import type { Db } from '@/db/client';
import type { EdgeDevice } from '@/db/queries/edge/devices';
import { findDeviceByToken } from '../devices';
import { errorResponse } from '@/lib/api/error-response';
import { AppError } from '@/lib/core/errors';

/** The active device of the request's bearer token; 401 otherwise. */
export async function authenticateDevice(db: Db, request: Request): Promise<EdgeDevice> {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const device = token ? await findDeviceByToken(db, token) : null;
  if (!device) throw new AppError('UNAUTHENTICATED', 'Invalid or revoked device token');
  return device;
}

/** The edge API's answer to a failure: the one error table, in the collector protocol's shape. */
export const edgeErrorResponse = (e: unknown, where: string): Response => errorResponse(e, { shape: 'edge', where });
