import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { TICKET_PRIORITIES } from '@/lib/domain/hosting/ticket-sla';
import { TICKET_STATUSES } from '@/lib/domain/hosting/ticket-status';

type Option = { id: string; name: string };
export type TicketFilterValues = { status: string; priority: string; siteId: string; assigneeId: string; overdue: boolean; mine: boolean };

/** A plain GET form: filters live in the URL, so they survive reloads and sharing and work without JavaScript. */
export async function TicketFilters({ sites, assignees, current }: { sites: Option[] | null; assignees: Option[] | null; current: TicketFilterValues }) {
  const [t, tc] = await Promise.all([getTranslations('Tickets'), getTranslations('Common')]);
  const control = 'w-full rounded-md border border-line bg-bg px-3 py-2 text-sm';
  const label = 'flex flex-col gap-1 text-xs text-muted';
  const select = (name: 'status' | 'priority' | 'siteId' | 'assigneeId', text: string, options: Option[]) => (
    <label className={label}>
      {text}
      <select name={name} defaultValue={current[name]} className={control}>
        <option value="">{tc('all')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
  const check = (name: 'overdue' | 'mine', text: string) => (
    <label className="flex items-center gap-2 self-end py-2 text-sm">
      <input type="checkbox" name={name} value="1" defaultChecked={current[name]} className="h-4 w-4 accent-accent" />
      {text}
    </label>
  );
  return (
    <form method="get" className="mb-4 grid grid-cols-2 gap-2 md:grid-cols-4 xl:grid-cols-7" role="search" aria-label={t('filters')}>
      {select('status', t('statusLabel'), [{ id: 'active', name: t('status.active') }, ...TICKET_STATUSES.map((s) => ({ id: s, name: t(`status.${s}`) }))])}
      {select('priority', t('priorityLabel'), TICKET_PRIORITIES.map((p) => ({ id: p, name: t(`priority.${p}`) })))}
      {sites ? select('siteId', t('site'), sites) : null}
      {assignees ? select('assigneeId', t('assignee'), [{ id: 'none', name: t('unassigned') }, ...assignees]) : null}
      {check('overdue', t('overdueOnly'))}
      {check('mine', t('mineOnly'))}
      <div className="flex items-end">
        <button type="submit" className={buttonClass('secondary', 'w-full')}>
          {tc('apply')}
        </button>
      </div>
    </form>
  );
}
