import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SiteForm } from '@/components/hosting/site-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listSiteMemberCandidates } from '@/db/queries/hosting/site-writes';
import { requirePage } from '@/lib/auth/guard';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('newSite');

export default async function NewSitePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:site_management', 'FULL');
  const [candidates, t] = await Promise.all([listSiteMemberCandidates(await getDb(), actor.orgId), getTranslations('Sites')]);
  const initial = { name: '', location: '', timeZone: '', energySource: 'hydro', contractedKw: '', electricityUsdPerKwh: '', clientUsdPerKwh: '', memberIds: [] };
  return (
    <>
      <PageHeader title={t('new')} />
      <SiteForm initial={initial} candidates={candidates} timeZones={Intl.supportedValuesOf('timeZone')} />
    </>
  );
}
