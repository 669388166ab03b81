import { getTranslations, setRequestLocale } from 'next-intl/server';
import { MinerForm } from '@/components/hosting/miner-form';
import { minerFormOptions } from '@/components/hosting/miner-form-options';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePage } from '@/lib/auth/guard';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('newMiner');

export default async function NewMinerPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'hosting:batch_create', 'FULL');
  const [options, t] = await Promise.all([minerFormOptions(await getDb(), actor), getTranslations('Miners')]);
  const initial = { name: '', siteId: options.sites.length === 1 ? options.sites[0]!.id : '', modelId: '', customerId: '', serial: '', ip: '', mac: '', worker: '', status: 'active' };
  return (
    <>
      <Link href="/hosting/devices" className="text-sm text-muted hover:text-ink">
        ← {t('back')}
      </Link>
      <PageHeader title={t('addOne')} />
      <MinerForm initial={initial} {...options} />
    </>
  );
}
