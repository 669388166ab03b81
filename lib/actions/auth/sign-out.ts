'use server';

import { signOut } from '@/lib/auth/auth';
import { isLocale } from '@/lib/i18n/routing';

export async function signOutAction(locale: string): Promise<void> {
  await signOut({ redirectTo: `/${isLocale(locale) ? locale : 'en'}/login` });
}
