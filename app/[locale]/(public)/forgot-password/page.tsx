import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PublicCard } from '@/components/shell/public-card';
import { pageTitle } from '@/lib/i18n/page-title';
import { ForgotPasswordForm } from './forgot-password-form';

export const generateMetadata = pageTitle('forgotPassword');

export default async function ForgotPasswordPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('AccountLinks');
  return (
    <PublicCard>
      <h1 className="mb-2 text-xl font-semibold">{t('forgotTitle')}</h1>
      <p className="mb-4 text-sm text-muted">{t('forgotBody')}</p>
      <ForgotPasswordForm />
    </PublicCard>
  );
}
