import { getNow, getTranslations } from 'next-intl/server';
import { ActivityList } from '@/components/crm/activity-list';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterCheck } from '@/components/list/filters';
import { ListFrame } from '@/components/list/list-frame';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listActivities } from '@/db/queries/crm/activities';
import { can } from '@/lib/auth/permissions';
import { pageTitle } from '@/lib/i18n/page-title';
import { type ListPageProps, openListPage } from '@/lib/list/open-list-page';
import { activityListSchema } from '@/lib/validation/crm';

export const generateMetadata = pageTitle('activities');

/** Calls, meetings, e-mails and tasks across the viewer's customers and leads; open tasks first, overdue ones marked. */
export default async function ActivitiesPage(props: ListPageProps) {
  const { actor, q, query } = await openListPage(props, 'crm:customer_view', activityListSchema);
  const db = await getDb();
  const [now, t] = await Promise.all([getNow(), getTranslations('Crm.activity')]);
  const page = await listActivities(db, actor, { customerId: q.customerId, overdue: q.overdue, mineUserId: q.mine ? actor.userId : undefined }, q, now);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <FilterBar label={t('title')} query={query} keep={['customerId']}>
        <FilterCheck name="overdue" label={t('overdueOnly')} checked={q.overdue} />
        <FilterCheck name="mine" label={t('mineOnly')} checked={q.mine} />
      </FilterBar>
      <ListFrame pathname="/crm/activities" query={query} page={page} keep={['customerId']} empty={{ title: t('empty'), hint: t('emptyHint') }} emptyFiltered={{ title: t('emptyFiltered') }}>
        <div className="rounded-lg border border-line bg-surface px-4 py-2">
          <ActivityList rows={page.rows} now={now} canWrite={can(actor.role, 'crm:activity_log', 'FULL')} showParty />
        </div>
      </ListFrame>
    </>
  );
}
