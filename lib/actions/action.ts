import type { z } from 'zod';
import { type Actor, getActor } from '@/lib/auth/actor';
import { can, type Module } from '@/lib/auth/permissions';
import { AppError, type ErrorCode } from '@/lib/core/errors';
import { type FieldErrors, toFieldErrors } from '@/lib/core/field-errors';

/** `details` are the error's own (e.g. a CSV's bad rows by line), the same the API answers with. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; fieldErrors?: FieldErrors; details?: Record<string, unknown> };

/**
 * Every server action goes through here: the session and permission are checked on the server, the
 * input is validated before anything is written, and failures come back as a code the form
 * translates — never as a thrown 500.
 */
export function authorizedAction<S extends z.ZodType, T>(
  permission: { module: Module; level: 'READ' | 'FULL' },
  schema: S,
  run: (input: z.infer<S>, actor: Actor) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const actor = await getActor();
      if (!actor) return { ok: false, code: 'UNAUTHENTICATED' };
      if (!can(actor.role, permission.module, permission.level)) return { ok: false, code: 'FORBIDDEN' };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return { ok: false, code: 'VALIDATION', fieldErrors: toFieldErrors(parsed.error) };
      return { ok: true, data: await run(parsed.data, actor) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, code: error.code, fieldErrors: error.fieldErrors, ...(error.details ? { details: error.details } : {}) };
      console.error('[action] unexpected error', error);
      return { ok: false, code: 'INTERNAL' };
    }
  };
}

export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string') out[k] = v;
  return out;
}
