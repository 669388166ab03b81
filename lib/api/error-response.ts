import { ZodError } from 'zod';
import { toFieldErrors } from '@/lib/core/field-errors';
import { AppError, ERROR_STATUS } from '@/lib/core/errors';

/**
 * The one mapping from a thrown error to a JSON answer. Kept apart from the session wrapper so
 * token-authenticated routes (edge devices, API tokens) can use it without loading next-auth.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code, message: error.message, fields: error.fieldErrors } }, { status: ERROR_STATUS[error.code] });
  }
  if (error instanceof ZodError) {
    return Response.json({ error: { code: 'VALIDATION', message: 'Invalid input', fields: toFieldErrors(error) } }, { status: 400 });
  }
  if (error instanceof SyntaxError) {
    return Response.json({ error: { code: 'VALIDATION', message: 'Malformed JSON body' } }, { status: 400 });
  }
  console.error('[api] unexpected error', error);
  return Response.json({ error: { code: 'INTERNAL', message: 'Internal error' } }, { status: 500 });
}
