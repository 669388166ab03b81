import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PublicCard } from '@/components/shell/public-card';
import { getHostBrand } from '@/lib/brands/host-brand';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { normalizeReferralCode } from '@/lib/domain/crm/referral-code';
import { pageTitle } from '@/lib/i18n/page-title';
import { RegisterForm } from './register-form';

export const generateMetadata = pageTitle('register');

/** Prospective clients ask for hosting here; `?ref=CODE` from a customer's referral link fills the code in. */
export default async function RegisterPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ ref?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { ref } = await searchParams;
  const [t, host] = await Promise.all([getTranslations('Crm.register'), getHostBrand()]);
  return (
    <PublicCard wide>
      <h1 className="mb-1 text-xl font-semibold">{t('title', { app: appNameOf(host.kind === 'brand' ? host.brand : null) })}</h1>
      <p className="mb-4 text-sm text-muted">{t('intro')}</p>
      <RegisterForm locale={locale} referralCode={ref ? (normalizeReferralCode(ref) ?? '') : ''} />
    </PublicCard>
  );
}
