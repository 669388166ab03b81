import { getDb } from '@/db';
import type { Db } from '@/db/client';
import type { EdgeDevice } from '@/db/queries/edge/devices';
import { findDeviceByToken } from '@/lib/edge/devices';
import { AppError } from '@/lib/core/errors';
import { bearerToken } from './bearer-token';
import { errorResponse } from './error-response';
import { timed } from './timed';

/** The database and the clock a collector request runs against: the app's, or a test's own. */
export type DeviceDeps = { db: Db; now: Date };
export type DeviceContext<P> = DeviceDeps & { device: EdgeDevice; params: P };
export type DeviceHandler<P = Record<string, never>> = (req: Request, ctx: DeviceContext<P>) => Promise<Response>;

const appDeps = async (): Promise<DeviceDeps> => ({ db: await getDb(), now: new Date() });

/**
 * Wraps an edge collector API handler (REFERENCE §6): the device bearer token is settled here — an
 * unknown or revoked token answers 401 before any of the body is read — and every thrown error
 * becomes the collector protocol's `{status: 'error', error}` answer. The handler sees only its
 * device, which binds it to one organization and one site; `where` names it in the server log.
 */
export function withDeviceToken<P = Record<string, never>>(where: string, handler: DeviceHandler<P>, deps: () => Promise<DeviceDeps> = appDeps) {
  return timed(async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      const d = await deps();
      const token = bearerToken(req);
      const device = token ? await findDeviceByToken(d.db, token) : null;
      if (!device) throw new AppError('UNAUTHENTICATED', 'Invalid or revoked device token');
      return await handler(req, { ...d, device, params: await ctx.params });
    } catch (error) {
      return errorResponse(error, { shape: 'edge', where });
    }
  });
}
