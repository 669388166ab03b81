import { forbidden } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BrandForm } from '@/components/brands/brand-form';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guard';
import { isOrgWide } from '@/lib/core/scope';
import { parseBaseDomains } from '@/lib/domain/brands/subdomain';
import { brandBaseDomains } from '@/lib/env';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('newBrand');

export default async function NewBrandPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'crm:customer_management', 'FULL');
  // A site owner manages its customers' brand membership, not the brands themselves.
  if (!isOrgWide(actor.scope)) forbidden();
  const t = await getTranslations('Brands');
  const initial = { subdomain: '', displayName: '', logo: '', primaryColor: '#f7931a', accentColor: '#f7931a', supportEmail: '', enabled: true };
  return (
    <>
      <PageHeader title={t('new')} />
      <BrandForm initial={initial} baseDomain={parseBaseDomains(brandBaseDomains())[0] ?? 'localhost'} />
    </>
  );
}
