import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guard';
import { ProfileForm } from './profile-form';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'basic:settings');
  const [t, tRoles] = await Promise.all([getTranslations('Settings'), getTranslations('Roles')]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={`${t('email')}: ${actor.email} · ${t('role')}: ${tRoles(actor.role)}`} />
      <Card title={t('profile')}>
        <ProfileForm name={actor.name} locale={actor.locale} />
      </Card>
    </>
  );
}
