import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ItemPageProps, openItemPage } from '@/lib/list/open-item-page';
import { MinerForm } from '@/components/hosting/miner-form';
import { minerFormOptions } from '@/components/hosting/miner-form-options';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getMiner } from '@/db/queries/hosting/miners';
import { Link } from '@/lib/i18n/navigation';

export const generateMetadata = pageTitle('editMiner');

export default async function EditMinerPage(props: ItemPageProps) {
  const { id, actor } = await openItemPage(props, 'hosting:batch_create', 'FULL');
  const db = await getDb();
  const miner = await getMiner(db, actor.scope, id, { hostCosts: false });
  if (!miner) notFound();
  const [options, t] = await Promise.all([minerFormOptions(db, actor), getTranslations('Miners')]);
  const initial = {
    id: miner.id,
    name: miner.name,
    siteId: miner.siteId,
    modelId: String(miner.modelId),
    customerId: miner.customerId ?? '',
    serial: miner.serial ?? '',
    ip: miner.ipAddress ?? '',
    mac: miner.macAddress ?? '',
    worker: miner.workerName ?? '',
    status: miner.status,
  };
  return (
    <>
      <Link href={`/hosting/devices/${id}`} className="text-sm text-muted hover:text-ink">
        ← {miner.name}
      </Link>
      <PageHeader title={t('edit')} />
      <MinerForm initial={initial} {...options} />
    </>
  );
}
