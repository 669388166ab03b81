import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePage } from '@/lib/auth/guard';
import { pageTitle } from '@/lib/i18n/page-title';
import { loadForecasts } from '@/lib/integrations/forecast/load';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { ForecastCard } from './_components/forecast-card';

export const generateMetadata = pageTitle('forecast');

export default async function ForecastPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePage(locale, 'analytics:network');
  const db = await getDb();
  const [forecasts, network, t] = await Promise.all([loadForecasts(db), getCurrentNetwork(), getTranslations('Forecast')]);
  // The live retarget estimate (mempool.space, from the current epoch's block times) when the market data is live.
  const retarget = network.origin === 'live' ? network.nextRetarget : null;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <p className="mb-4 max-w-4xl text-xs text-muted" data-testid="forecast-method">
        {t('method')}
      </p>
      {forecasts.length === 0 ? (
        <p className="py-10 text-center text-sm text-muted" role="status">
          {t('empty')}
        </p>
      ) : (
        <div className="grid gap-4">
          {forecasts.map((f) => (
            <ForecastCard key={f.series} forecast={f} retarget={f.series === 'difficulty' ? retarget : null} locale={locale} />
          ))}
        </div>
      )}
    </>
  );
}
