import type { z } from 'zod';

/** Message keys under `Validation.*` in messages/*.json. Schemas use them as their messages. */
export const VALIDATION_KEYS = ['required', 'email', 'tooLong', 'tooShort', 'invalid', 'number', 'positive', 'outOfRange', 'locale', 'privateAddress', 'passwordLength', 'passwordMismatch', 'wrongPassword', 'demoPassword', 'controlChars', 'overpayment', 'contractVoid', 'nothingDue', 'lowAboveHigh', 'csvHeader', 'csvRows', 'csvNoMiner', 'past', 'notNegative', 'emailTaken', 'sum100', 'sourceTwice', 'taken', 'insufficient', 'future', 'roleTooHigh', 'notSelf', 'customerEmail', 'linkExpired', 'privateFeedAddress', 'hostUnresolved', 'adviceStale', 'checksum', 'wrongNetwork', 'privateKey'] as const;
export type ValidationKey = (typeof VALIDATION_KEYS)[number];

export type FieldErrors = Record<string, ValidationKey>;

const isKey = (m: string): m is ValidationKey => (VALIDATION_KEYS as readonly string[]).includes(m);

/** A zod error → one translatable key per field (the first problem found for it). */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_form';
    if (out[field]) continue;
    out[field] = isKey(issue.message) ? issue.message : fallbackKey(issue.code);
  }
  return out;
}

function fallbackKey(code: string): ValidationKey {
  if (code === 'too_big') return 'tooLong';
  if (code === 'too_small') return 'tooShort';
  return 'invalid';
}
