import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listModelSpecs } from '@/db/queries/hosting/miner-catalogue';
import { requirePage } from '@/lib/auth/guard';
import { pageTitle } from '@/lib/i18n/page-title';
import { loadRoiForecasts } from '@/lib/integrations/forecast/load';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { RoiView } from './roi-view';

export const generateMetadata = pageTitle('roi');

export default async function RoiPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePage(locale, 'basic:calculator');
  const db = await getDb();
  const [models, snapshot, forecasts, t] = await Promise.all([listModelSpecs(db), getCurrentNetwork(), loadRoiForecasts(db), getTranslations('Calculator')]);
  return (
    <>
      <PageHeader title={t('roiTitle')} subtitle={t('roiSubtitle')} />
      <RoiView boot={{ models, snapshot }} forecasts={forecasts} nowIso={new Date().toISOString()} />
    </>
  );
}
