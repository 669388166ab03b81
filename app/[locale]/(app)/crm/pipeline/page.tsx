import { getTranslations } from 'next-intl/server';
import { DealDialog } from '@/components/crm/deal-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { customerOptions } from '@/db/queries/crm/customers';
import { pipelineBoard } from '@/db/queries/crm/deals';
import { isCrmAdmin } from '@/db/queries/crm/scope';
import { staffOptions } from '@/db/queries/crm/staff';
import { can } from '@/lib/auth/permissions';
import { DEAL_STAGES } from '@/lib/domain/crm/pipeline';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { pagedListSchema } from '@/lib/list/list-fields';
import { PipelineBoard } from './_components/board';

export const generateMetadata = pageTitle('pipeline');

/** The deal pipeline as a board: each stage's count and value over every deal in scope, its 50 latest cards. */
export default async function PipelinePage(props: ListPageProps) {
  const { actor } = await openListPage(props, 'crm:customer_view', pagedListSchema());
  const db = await getDb();
  const canMove = can(actor.role, 'crm:customer_management', 'FULL');
  const [columns, customers, staff, t] = await Promise.all([
    pipelineBoard(db, actor, DEAL_STAGES),
    canMove ? customerOptions(db, actor) : Promise.resolve([]),
    canMove && isCrmAdmin(actor) ? staffOptions(db, actor.orgId) : Promise.resolve(null),
    getTranslations('Crm.pipeline'),
  ]);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} actions={canMove && customers.length ? <DealDialog customers={customers} staff={staff} commission={can(actor.role, 'crm:broker_commission', 'FULL')} /> : null} />
      {columns.some((c) => c.count > 0) ? <PipelineBoard columns={columns} canMove={canMove} /> : <EmptyState title={t('empty')} hint={canMove ? t('emptyHint') : undefined} />}
    </>
  );
}
