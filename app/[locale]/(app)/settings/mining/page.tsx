import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PersonalFigures } from '@/components/market/personal-figures';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getMiningSettings } from '@/db/queries/alerts/mining-settings';
import { requirePage } from '@/lib/auth/guard';
import { pageTitle } from '@/lib/i18n/page-title';
import { getCurrentNetwork } from '@/lib/integrations/market/current';
import { MiningSettingsForm } from './_components/mining-settings-form';


export const generateMetadata = pageTitle('miningSettings');

export default async function MiningSettingsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'basic:settings');
  const [settings, network, t] = await Promise.all([getMiningSettings(await getDb(), { orgId: actor.orgId, userId: actor.userId }), getCurrentNetwork(), getTranslations('MiningSettings')]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('formTitle')}>
          <MiningSettingsForm initial={settings ? { electricityUsdPerKwh: settings.electricityUsdPerKwh, efficiencyJPerTh: settings.efficiencyJPerTh, hashrateThs: settings.hashrateThs } : null} />
        </Card>
        <PersonalFigures settings={settings} network={network} />
      </div>
    </>
  );
}
