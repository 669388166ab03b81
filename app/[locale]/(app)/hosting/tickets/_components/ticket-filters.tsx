import { useTranslations } from 'next-intl';
import { FilterBar } from '@/components/list/filter-bar';
import { FilterCheck, type FilterOption, FilterSelect } from '@/components/list/filters';
import type { ListQuery } from '@/components/list/list-href';
import { TICKET_PRIORITIES } from '@/lib/domain/hosting/ticket-sla';
import { TICKET_STATUSES } from '@/lib/domain/hosting/ticket-status';

export function TicketFilters({ sites, assignees, query }: { sites: FilterOption[] | null; assignees: FilterOption[] | null; query: ListQuery }) {
  const t = useTranslations('Tickets');
  return (
    <FilterBar label={t('filters')} query={query}>
      <FilterSelect name="status" label={t('statusLabel')} value={query.status} options={[{ id: 'active', name: t('status.active') }, ...TICKET_STATUSES.map((s) => ({ id: s, name: t(`status.${s}`) }))]} />
      <FilterSelect name="priority" label={t('priorityLabel')} value={query.priority} options={TICKET_PRIORITIES.map((p) => ({ id: p, name: t(`priority.${p}`) }))} />
      {sites ? <FilterSelect name="siteId" label={t('site')} value={query.siteId} options={sites} /> : null}
      {assignees ? <FilterSelect name="assigneeId" label={t('assignee')} value={query.assigneeId} options={[{ id: 'none', name: t('unassigned') }, ...assignees]} /> : null}
      <FilterCheck name="overdue" label={t('overdueOnly')} checked={query.overdue === '1'} />
      <FilterCheck name="mine" label={t('mineOnly')} checked={query.mine === '1'} />
    </FilterBar>
  );
}
