import type { FieldErrors } from './field-errors';

/**
 * Every error code the app answers with, and its HTTP status: the one table (lib/api/error-response
 * picks each transport's JSON shape from it, `Errors.<code>` in messages/*.json is its text).
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  // The edge collector protocol's refusals (REFERENCE §6): the collector keeps a 4xx upload as a dead
  // letter and retries a 5xx, and its logs name the code.
  INVALID_JSON: 400,
  INVALID_GZIP: 400,
  EMPTY_PAYLOAD: 400,
  /** A value PostgreSQL refused for its column (SQLSTATE class 22) that validation let through. */
  INVALID_VALUE: 400,
  UNSUPPORTED_ENCODING: 415,
  TOO_MANY_MINERS: 413,
  NONCE_MISMATCH: 409,
  NOT_LEASED: 409,
  COMMAND_EXPIRED: 410,
  // CRM↔hosting sync (seed 002): the customer has no hosting account its e-mail links to, or its
  // e-mail is another customer's too, so the account would be both's.
  HOSTING_NOT_LINKED: 404,
  HOSTING_LINK_AMBIGUOUS: 409,
  /** A backtest's period has days without a stored price or network figure; `details` name the ranges. */
  HISTORY_MISSING: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/**
 * What an error carries besides its code: `details` go into the answer's `error` object (a batch's
 * errors by row), `alongside` beside it (the batch's counts, which a client reads on success too).
 */
export type ErrorExtras = { details?: Record<string, unknown>; alongside?: Record<string, unknown>; retryAfterS?: number };

/**
 * A failure the user can act on. `code` picks the HTTP status and the translated message
 * (`Errors.<code>`); `message` is the English detail for logs and API clients, and `fieldErrors`
 * name a message key per form field.
 */
export class AppError extends Error {
  readonly details?: Record<string, unknown>;
  readonly alongside?: Record<string, unknown>;
  /** Sent as `Retry-After` (seconds) with a RATE_LIMITED answer. */
  readonly retryAfterS?: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fieldErrors?: FieldErrors,
    extras: ErrorExtras = {},
  ) {
    super(message ?? code);
    this.details = extras.details;
    this.alongside = extras.alongside;
    this.retryAfterS = extras.retryAfterS;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
