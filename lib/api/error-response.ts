import { ZodError } from 'zod';
import { pgErrorCode } from '@/db/errors';
import { AppError, ERROR_STATUS, type ErrorCode } from '@/lib/core/errors';
import { type FieldErrors, toFieldErrors } from '@/lib/core/field-errors';
import type { Locale } from '@/lib/i18n/routing';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

/**
 * The JSON shapes of an error answer, one per transport; the route wrapper picks one:
 * - `api` (the app's own routes, API tokens): `{error: {code, message, fields?, …details}}`
 * - `edge` (the collector protocol, REFERENCE §6): the same with `status: 'error'` first, as its
 *   success answers carry `status: 'ok'`
 * - `crm` (the CRM endpoints as the seed documents them): `{success: false, error: "<translated text>"}`
 */
export type ErrorShape = 'api' | 'edge' | 'crm';

export type ErrorResponseOptions = {
  shape?: ErrorShape;
  /** The log prefix of an unexpected failure: the route or handler it happened in. */
  where?: string;
  /** The language of the `crm` shape's text (English otherwise). */
  locale?: Locale;
};

/** Any thrown value reduced to what every shape is made from. */
export type ErrorAnswer = {
  code: ErrorCode;
  status: number;
  /** The English detail: for logs and API clients, never a stack or a server path. */
  message: string;
  /** The translated text's key, in messages/en.json and zh.json. */
  messageKey: `Errors.${ErrorCode}`;
  fields?: FieldErrors;
  details?: Record<string, unknown>;
  alongside?: Record<string, unknown>;
  retryAfterS?: number;
};

const answer = (code: ErrorCode, message: string, more: Partial<ErrorAnswer> = {}): ErrorAnswer => ({ code, status: ERROR_STATUS[code], message, messageKey: `Errors.${code}`, ...more });

/**
 * What a thrown value means to a client. A PostgreSQL data exception (SQLSTATE class 22: a value out
 * of range for its column, a NUL in text…) is the request's fault and answers 400: validation should
 * have caught it, but a 500 would make a client (the collector above all) retry the same request
 * forever. Anything else unexpected is logged here and answers a bare INTERNAL.
 */
export function describeError(error: unknown, where = 'api'): ErrorAnswer {
  if (error instanceof AppError) {
    return answer(error.code, error.message, { fields: error.fieldErrors, details: error.details, alongside: error.alongside, retryAfterS: error.retryAfterS });
  }
  if (error instanceof ZodError) return answer('VALIDATION', 'Invalid input', { fields: toFieldErrors(error) });
  if (error instanceof SyntaxError) return answer('VALIDATION', 'Malformed JSON body');
  const sqlState = pgErrorCode(error);
  if (sqlState?.startsWith('22')) {
    console.warn(`[${where}] value refused by the database`, sqlState);
    return answer('INVALID_VALUE', 'A value is out of range for its column');
  }
  console.error(`[${where}] unexpected error`, error);
  return answer('INTERNAL', 'Internal error');
}

const MESSAGES = { en: en.Errors, zh: zh.Errors } satisfies Record<Locale, Record<ErrorCode, string>>;

/** The text of an error code in a locale (`Errors.<code>`). */
export const errorText = (code: ErrorCode, locale: Locale = 'en'): string => MESSAGES[locale][code];

const SHAPES: Record<ErrorShape, (a: ErrorAnswer, locale: Locale) => Record<string, unknown>> = {
  api: (a) => ({ error: { code: a.code, message: a.message, fields: a.fields, ...a.details }, ...a.alongside }),
  edge: (a) => ({ status: 'error', error: { code: a.code, message: a.message, fields: a.fields, ...a.details }, ...a.alongside }),
  crm: (a, locale) => ({ success: false, error: errorText(a.code, locale) }),
};

/**
 * The one mapping from a thrown error to an HTTP answer: the status and text from the code's row in
 * the table, the body in the transport's shape. Kept apart from the session wrapper so token
 * routes (edge devices, API tokens) can use it without loading next-auth.
 */
export function errorResponse(error: unknown, options: ErrorResponseOptions = {}): Response {
  const a = describeError(error, options.where);
  const res = Response.json(SHAPES[options.shape ?? 'api'](a, options.locale ?? 'en'), { status: a.status });
  if (a.retryAfterS !== undefined) res.headers.set('Retry-After', String(a.retryAfterS));
  return res;
}
