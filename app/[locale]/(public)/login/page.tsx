import { redirect as redirectTo } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PublicCard } from '@/components/shell/public-card';
import { DEMO_PASSWORD } from '@/db/seed/demo-farm';
import { getActor } from '@/lib/auth/actor';
import { safeReturnPath } from '@/lib/auth/return-path';
import { getHostBrand } from '@/lib/brands/host-brand';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { env } from '@/lib/env';
import { redirect } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { LoginForm } from './login-form';

export const generateMetadata = pageTitle('signIn');

const DEMO_ACCOUNTS = ['owner', 'admin', 'siteowner', 'operator', 'client', 'guest'].map((r) => `${r}@demo.local`);

export default async function LoginPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string; callbackUrl?: string; reason?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { next: nextParam, callbackUrl, reason } = await searchParams;
  // `next` from the app's own redirect, `callbackUrl` from next-auth's; either only as a path of this app.
  const next = safeReturnPath(nextParam) ?? safeReturnPath(callbackUrl) ?? undefined;
  // On a brand's host people come for the customer portal; elsewhere for the dashboard.
  const host = await getHostBrand();
  if (await getActor()) {
    if (next) redirectTo(next);
    redirect({ href: host.kind === 'brand' ? '/portal' : '/dashboard', locale });
  }
  const t = await getTranslations('Login');
  const demo = env().demoMode;
  return (
    <PublicCard>
      <h1 className="mb-4 text-xl font-semibold">{t('title', { app: appNameOf(host.kind === 'brand' ? host.brand : null) })}</h1>
      {reason === 'session' ? <p className="mb-4 text-sm text-warn">{t('sessionEnded')}</p> : null}
      <LoginForm next={next} demoAccounts={demo ? DEMO_ACCOUNTS : []} demoPassword={demo ? DEMO_PASSWORD : undefined} />
    </PublicCard>
  );
}
