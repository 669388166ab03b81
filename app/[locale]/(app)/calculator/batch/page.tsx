import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listModelSpecs } from '@/db/queries/hosting/miner-catalogue';
import { requirePage } from '@/lib/auth/guard';
import { pageTitle } from '@/lib/i18n/page-title';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { BatchView } from './batch-view';

export const generateMetadata = pageTitle('batch');

export default async function BatchPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePage(locale, 'analytics:batch_calculator');
  const [models, snapshot, t] = await Promise.all([getDb().then(listModelSpecs), getCurrentNetwork(), getTranslations('Calculator')]);
  return (
    <>
      <PageHeader title={t('batchTitle')} subtitle={t('batchSubtitle')} />
      <BatchView boot={{ models, snapshot }} />
    </>
  );
}
