import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MinerImport } from '@/components/hosting/miner-import';
import { PageHeader } from '@/components/ui/page-header';
import { requirePage } from '@/lib/auth/guard';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('importMiners');

export default async function ImportMinersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePage(locale, 'hosting:batch_create', 'FULL');
  const [t, tm] = await Promise.all([getTranslations('MinerImport'), getTranslations('Miners')]);
  return (
    <>
      <Link href="/hosting/devices" className="text-sm text-muted hover:text-ink">
        ← {tm('back')}
      </Link>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <MinerImport />
    </>
  );
}
