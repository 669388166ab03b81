import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ItemPageProps, openItemPage } from '@/lib/list/open-item-page';
import { SiteForm } from '@/components/hosting/site-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getSiteForEdit, listSiteMemberCandidates } from '@/db/queries/hosting/site-writes';

export const generateMetadata = pageTitle('editSite');

export default async function EditSitePage(props: ItemPageProps) {
  const { id, actor } = await openItemPage(props, 'hosting:site_management', 'FULL');
  const db = await getDb();
  const site = await getSiteForEdit(db, actor.scope, id);
  if (!site) notFound();
  const [candidates, t] = await Promise.all([listSiteMemberCandidates(db, actor.orgId), getTranslations('Sites')]);
  const initial = { ...site, contractedKw: String(site.contractedKw), clientUsdPerKwh: site.clientUsdPerKwh ?? '', memberIds: site.memberIds };
  return (
    <>
      <PageHeader title={t('edit', { name: site.name })} />
      <SiteForm initial={initial} candidates={candidates} timeZones={Intl.supportedValuesOf('timeZone')} />
    </>
  );
}
