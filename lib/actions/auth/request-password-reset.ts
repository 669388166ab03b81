'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db';
import { linkBaseUrl } from '@/lib/actions/admin/link-base';
import { requestPasswordReset } from '@/lib/actions/admin/password-reset-flow';
import { type ActionResult, formToObject } from '@/lib/actions/action';
import { clientAddress } from '@/lib/auth/client-address';
import { getHostBrand } from '@/lib/brands/host-brand';
import { AppError } from '@/lib/core/errors';
import { toFieldErrors } from '@/lib/core/field-errors';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { env } from '@/lib/env';
import { requestPasswordResetSchema } from '@/lib/validation/admin-users';

type Answer = { mailConfigured: boolean };

/** "Forgot password": the same answer for a known and an unknown e-mail; rate-limited per address and per account. */
export async function requestPasswordResetAction(_prev: ActionResult<Answer> | null, form: FormData): Promise<ActionResult<Answer>> {
  const parsed = requestPasswordResetSchema.safeParse(formToObject(form));
  if (!parsed.success) return { ok: false, code: 'VALIDATION', fieldErrors: toFieldErrors(parsed.error) };
  try {
    const h = await headers();
    const host = await getHostBrand();
    if (host.kind === 'unknown') return { ok: false, code: 'NOT_FOUND' };
    const ctx = { baseUrl: await linkBaseUrl(), appName: appNameOf(host.kind === 'brand' ? host.brand : null), smtp: env().smtp ?? null, now: new Date() };
    const result = await requestPasswordReset(await getDb(), { ...parsed.data, ip: clientAddress(h, env().trustedProxyHops) }, ctx);
    return { ok: true, data: { mailConfigured: result.mailConfigured } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, fieldErrors: error.fieldErrors };
    console.error('[reset] unexpected error', error);
    return { ok: false, code: 'INTERNAL' };
  }
}
