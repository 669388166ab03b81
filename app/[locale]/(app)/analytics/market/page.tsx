import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePage } from '@/lib/auth/guard';
import { pageTitle } from '@/lib/i18n/page-title';
import { loadIntelView } from '@/lib/integrations/market-intel/load';
import { IntelPanels } from './_components/intel-panels';

export const generateMetadata = pageTitle('marketIntel');

export default async function MarketIntelPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePage(locale, 'analytics:market_intel');
  const [data, t] = await Promise.all([loadIntelView(await getDb()), getTranslations('MarketIntel')]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {data.live ? null : (
        <p className="mb-3 text-xs text-muted" role="status" data-testid="intel-offline">
          {t('offline')}
        </p>
      )}
      <IntelPanels view={data.view} />
      <p className="mt-4 max-w-4xl text-xs text-muted">{t('method')}</p>
    </>
  );
}
