import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BrandForm } from '@/components/brands/brand-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guard';
import { parseBaseDomains } from '@/lib/domain/brands/subdomain';
import { brandBaseDomains } from '@/lib/env';

export const metadata: Metadata = { title: 'New brand' };

export default async function NewBrandPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePage(locale, 'crm:customer_management', 'FULL');
  const t = await getTranslations('Brands');
  const initial = { subdomain: '', displayName: '', logo: '', primaryColor: '#f7931a', accentColor: '#f7931a', supportEmail: '', enabled: true };
  return (
    <>
      <PageHeader title={t('new')} />
      <BrandForm initial={initial} baseDomain={parseBaseDomains(brandBaseDomains())[0] ?? 'localhost'} />
    </>
  );
}
