import { Suspense } from 'react';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Logo } from '@/components/shell/logo';
import { LocaleSwitch } from '@/components/shell/locale-switch';
import { DEMO_PASSWORD } from '@/db/seed/demo-farm';
import { getActor } from '@/lib/auth/actor';
import { env } from '@/lib/env';
import { redirect } from '@/lib/i18n/navigation';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

const DEMO_ACCOUNTS = ['owner', 'admin', 'siteowner', 'operator', 'client', 'guest'].map((r) => `${r}@demo.local`);

export default async function LoginPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string; reason?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { next, reason } = await searchParams;
  if (await getActor()) redirect({ href: '/dashboard', locale });
  const t = await getTranslations('Login');
  const demo = env().demoMode;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md rounded-xl border border-line bg-surface p-6 shadow-2xl">
        <div className="mb-6 flex items-center justify-between">
          <Logo />
          <Suspense>
            <LocaleSwitch />
          </Suspense>
        </div>
        <h1 className="mb-4 text-xl font-semibold">{t('title')}</h1>
        {reason === 'session' ? <p className="mb-4 text-sm text-warn">{t('sessionEnded')}</p> : null}
        <LoginForm next={next} demoAccounts={demo ? DEMO_ACCOUNTS : []} demoPassword={demo ? DEMO_PASSWORD : undefined} />
      </div>
    </main>
  );
}
