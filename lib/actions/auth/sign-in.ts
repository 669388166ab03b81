'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { safeReturnPath } from '@/lib/auth/return-path';
import { getHostBrand } from '@/lib/brands/host-brand';
import { isLocale } from '@/lib/i18n/routing';
import { loginSchema } from '@/lib/validation/auth';
import { type FieldErrors, toFieldErrors } from '@/lib/core/field-errors';

export type SignInState = {
  error?: 'invalid' | 'rateLimited' | 'accessDenied' | 'wrongHost';
  retryMinutes?: number;
  fieldErrors?: FieldErrors;
  email?: string;
};

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const localeRaw = String(form.get('locale') ?? 'en');
  const locale = isLocale(localeRaw) ? localeRaw : 'en';
  const email = String(form.get('email') ?? '');
  const parsed = loginSchema.safeParse({ email, password: form.get('password') ?? '' });
  if (!parsed.success) return { fieldErrors: toFieldErrors(parsed.error), email };
  try {
    // Back to the page that sent the user here (a deep link), else the landing page: a brand's host lands on its customer portal.
    const landing = (await getHostBrand()).kind === 'brand' ? 'portal' : 'dashboard';
    await signIn('credentials', { ...parsed.data, redirectTo: safeReturnPath(form.get('next')) ?? `/${locale}/${landing}` });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const [code, seconds] = error.code.split(':');
      if (code === 'rate_limited') return { error: 'rateLimited', retryMinutes: Math.ceil(Number(seconds) / 60), email };
      if (code === 'access_denied') return { error: 'accessDenied', email };
      if (code === 'wrong_host') return { error: 'wrongHost', email };
      return { error: 'invalid', email };
    }
    if (error instanceof AuthError) return { error: 'invalid', email };
    throw error; // the redirect after a successful sign-in travels as an error
  }
}
