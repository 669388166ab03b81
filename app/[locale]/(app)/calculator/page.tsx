import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listModelSpecs } from '@/db/queries/hosting/miner-catalogue';
import { requirePage } from '@/lib/auth/guard';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { CalculatorView } from './calculator-view';

export const generateMetadata = pageTitle('calculator');

export default async function CalculatorPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePage(locale, 'basic:calculator');
  const [models, snapshot, t] = await Promise.all([getDb().then(listModelSpecs), getCurrentNetwork(), getTranslations('Calculator')]);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Link className="text-sm text-accent hover:underline" href="/calculator/roi">
            {t('roiLink')}
          </Link>
        }
      />
      <CalculatorView boot={{ models, snapshot }} />
    </>
  );
}
