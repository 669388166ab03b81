import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guard';
import { pageTitle } from '@/lib/i18n/page-title';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';
import { SignOutEverywhere } from './sign-out-everywhere';

export const generateMetadata = pageTitle('settings');

/** One's own name, language, password and sessions: open to every role, guests included (basic:profile). */
export default async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'basic:profile');
  const [t, tRoles] = await Promise.all([getTranslations('Settings'), getTranslations('Roles')]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={`${t('email')}: ${actor.email} · ${t('role')}: ${tRoles(actor.role)}`} />
      <div className="grid gap-4">
        <Card title={t('profile')}>
          <ProfileForm name={actor.name} locale={actor.locale} />
        </Card>
        <Card title={t('password')}>
          <PasswordForm />
        </Card>
        <Card title={t('sessions')}>
          <SignOutEverywhere />
        </Card>
      </div>
    </>
  );
}
