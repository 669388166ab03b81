import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { type Actor, getActor } from '@/lib/auth/actor';
import { can, type Module } from '@/lib/auth/permissions';
import { toFieldErrors } from '@/lib/validation/field-errors';
import { AppError, ERROR_STATUS } from './errors';

type Ctx<P> = { params: Promise<P> };

/**
 * Wraps a route handler: session, access period, permission and scope are settled here once, and
 * every thrown error becomes a JSON answer with the right status. Nothing below it sees an anonymous
 * or unauthorized request.
 */
export function withActor<P = Record<string, string>>(
  permission: { module: Module; level: 'READ' | 'FULL' },
  handler: (req: Request, ctx: { actor: Actor; params: P }) => Promise<Response>,
) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError('UNAUTHENTICATED');
      if (!can(actor.role, permission.module, permission.level)) throw new AppError('FORBIDDEN');
      return await handler(req, { actor, params: await ctx.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return NextResponse.json({ error: { code: error.code, message: error.message, fields: error.fieldErrors } }, { status: ERROR_STATUS[error.code] });
  }
  if (error instanceof ZodError) {
    return NextResponse.json({ error: { code: 'VALIDATION', message: 'Invalid input', fields: toFieldErrors(error) } }, { status: 400 });
  }
  if (error instanceof SyntaxError) {
    return NextResponse.json({ error: { code: 'VALIDATION', message: 'Malformed JSON body' } }, { status: 400 });
  }
  console.error('[api] unexpected error', error);
  return NextResponse.json({ error: { code: 'INTERNAL', message: 'Internal error' } }, { status: 500 });
}
