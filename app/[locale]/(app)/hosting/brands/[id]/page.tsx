import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BrandForm } from '@/components/brands/brand-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getBrand, listBrandCustomerCandidates } from '@/db/queries/hosting/brands';
import { requirePage } from '@/lib/auth/guard';
import { isOrgWide } from '@/lib/core/scope';
import { parseBaseDomains } from '@/lib/domain/brands/subdomain';
import { brandBaseDomains } from '@/lib/env';
import { pageTitle } from '@/lib/i18n/page-title';
import { searchListSchema } from '@/lib/list/list-fields';
import { parseListPage, type SearchParams } from '@/lib/list/parse-list-page';
import { BrandCustomers } from './brand-customers';

export const generateMetadata = pageTitle('brand');

export default async function BrandPage({ params, searchParams }: { params: Promise<{ locale: string; id: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'crm:customer_management', 'FULL');
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = await getDb();
  const brand = await getBrand(db, actor.orgId, id);
  if (!brand) notFound();
  const { params: q, query } = parseListPage(searchListSchema(25), await searchParams);
  const [candidates, t] = await Promise.all([listBrandCustomerCandidates(db, actor.scope, brand.id, q.q, q), getTranslations('Brands')]);
  const initial = {
    id: brand.id,
    subdomain: brand.subdomain,
    displayName: brand.displayName,
    logo: brand.logo ?? '',
    primaryColor: brand.primaryColor,
    accentColor: brand.accentColor,
    supportEmail: brand.supportEmail ?? '',
    enabled: brand.enabled,
  };
  return (
    <>
      <PageHeader title={brand.displayName} subtitle={t('editSubtitle', { subdomain: brand.subdomain })} />
      {/* Only an organization-wide role edits the brand itself; a site owner puts its customers in it. */}
      {isOrgWide(actor.scope) ? <BrandForm initial={initial} baseDomain={parseBaseDomains(brandBaseDomains())[0] ?? 'localhost'} /> : null}
      <BrandCustomers brandId={brand.id} query={query} list={candidates} />
    </>
  );
}
