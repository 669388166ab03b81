import * as zod from 'zod';
import { hasControlChars } from './control-chars';

/*
 * zod, except that every free-form string schema refuses control characters before any other
 * check (field error `controlChars`). Imported as `z` from ./zod; ESLint keeps 'zod' itself out of
 * the rest of the code, so no schema can forget it. Formats built on a fixed alphabet (uuid, email,
 * ip, dates) refuse such characters already.
 */
export * from 'zod';

const refuseControlChars = <T extends zod.ZodType<string>>(schema: T): T => schema.refine((v) => !hasControlChars(v), { message: 'controlChars', abort: true });

export function string(params?: string | zod.core.$ZodStringParams): zod.ZodString {
  return refuseControlChars(zod.string(params));
}

export function url(params?: string | zod.core.$ZodURLParams): zod.ZodURL {
  return refuseControlChars(zod.url(params));
}

export const coerce = { ...zod.coerce, string: (params?: string | zod.core.$ZodStringParams) => refuseControlChars(zod.coerce.string(params)) };
