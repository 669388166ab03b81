import type { ActionResult } from '@/lib/actions/action';
import type { ErrorCode } from '@/lib/core/errors';
import type { ValidationKey } from '@/lib/core/field-errors';

/** A toast: a success can still be bad news (a connection test that reached the pool and failed). */
export type Notice = { tone: 'success' | 'error'; text: string };

/** What a form says about its action's result beyond the generic `Errors.<code>` and `Validation.<key>` texts. */
export type FeedbackMessages<T> = {
  /** The toast after a success; none when omitted or when it returns null. */
  success?: (data: T) => string | Notice | null;
  /** Toast text for an error code the form can explain better (a taken name, a rate limit). */
  errors?: Partial<Record<ErrorCode, string>>;
  /** Shown at each field a CONFLICT names; defaults to `errors.CONFLICT`. */
  conflictField?: string;
};

export type Translators = { validation: (key: ValidationKey) => string; error: (code: ErrorCode) => string };

/** The message under each field the server named: its validation key translated, or what a conflict means. */
export function fieldMessages<T>(result: ActionResult<T> | null, t: Translators, messages: FeedbackMessages<T> = {}): Record<string, string> {
  if (!result || result.ok || !result.fieldErrors) return {};
  const conflict = result.code === 'CONFLICT' ? (messages.conflictField ?? messages.errors?.CONFLICT) : undefined;
  return Object.fromEntries(Object.entries(result.fieldErrors).map(([field, key]) => [field, conflict ?? t.validation(key)]));
}

/** The one toast a result earns: every failure is said, a success only when the form has words for it. */
export function noticeFor<T>(result: ActionResult<T> | null, t: Translators, messages: FeedbackMessages<T> = {}): Notice | null {
  if (!result) return null;
  if (!result.ok) return { tone: 'error', text: messages.errors?.[result.code] ?? t.error(result.code) };
  const said = messages.success?.(result.data);
  if (said == null || said === '') return null;
  return typeof said === 'string' ? { tone: 'success', text: said } : said;
}
