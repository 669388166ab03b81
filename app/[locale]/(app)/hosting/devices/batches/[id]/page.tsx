import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getBatchProgress, listBatchCommands } from '@/db/queries/edge/batches';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ItemPageProps, openItemPage } from '@/lib/list/open-item-page';
import { BatchProgress } from './_components/batch-progress';

export const generateMetadata = pageTitle('bulkBatch');

/** A bulk command batch: counts by status and each miner's outcome, refreshed until every command has finished. */
export default async function BatchPage(props: ItemPageProps) {
  const { id, actor } = await openItemPage(props, 'remote:execute', 'READ');
  const db = await getDb();
  const progress = await getBatchProgress(db, actor.scope, id);
  if (!progress) notFound();
  const commands = await listBatchCommands(db, actor.scope, id, { page: 1, pageSize: 100 });
  const t = await getTranslations('Bulk');
  const te = await getTranslations('Edge');
  return (
    <>
      <PageHeader title={t('progressTitle', { type: te(`type.${progress.commandType}`) })} />
      <BatchProgress batchId={id} initial={JSON.parse(JSON.stringify({ progress, commands }))} />
    </>
  );
}
