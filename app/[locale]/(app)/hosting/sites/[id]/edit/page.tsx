import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { z } from '@/lib/validation/zod';
import { SiteForm } from '@/components/hosting/site-form';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getSiteForEdit, listSiteMemberCandidates } from '@/db/queries/hosting/site-writes';
import { requirePage } from '@/lib/auth/guard';

export const generateMetadata = pageTitle('editSite');

export default async function EditSitePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:site_management', 'FULL');
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const site = await getSiteForEdit(db, actor.scope, id);
  if (!site) notFound();
  const [candidates, t] = await Promise.all([listSiteMemberCandidates(db, actor.orgId), getTranslations('Sites')]);
  const initial = { ...site, contractedKw: String(site.contractedKw), memberIds: site.memberIds };
  return (
    <>
      <PageHeader title={t('edit', { name: site.name })} />
      <SiteForm initial={initial} candidates={candidates} timeZones={Intl.supportedValuesOf('timeZone')} />
    </>
  );
}
