import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { ActivityRow } from '@/db/queries/crm/activities';
import { isOverdueTask } from '@/lib/domain/crm/activity';
import { Link } from '@/lib/i18n/navigation';
import { CompleteTaskButton } from './complete-task-button';

/** Activities as a list; an open task past due is marked (colour and words), a done one struck through. */
export function ActivityList({ rows, now, canWrite, showParty = false }: { rows: readonly ActivityRow[]; now: Date; canWrite: boolean; showParty?: boolean }) {
  const t = useTranslations('Crm.activity');
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul className="divide-y divide-line" data-testid="activity-list">
      {rows.map((a) => {
        const overdue = isOverdueTask(a, now);
        const open = a.kind === 'task' && !a.completedAt;
        return (
          <li key={a.id} className={`flex flex-wrap items-start justify-between gap-2 py-2 text-sm ${overdue ? 'rounded border-l-4 border-bad bg-bad/5 pl-2' : ''}`} data-overdue={overdue || undefined}>
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={a.kind === 'task' ? (overdue ? 'bad' : 'accent') : 'muted'}>{t(`kinds.${a.kind}`)}</Badge>
                <span className={a.completedAt ? 'text-muted line-through' : 'font-medium'}>{a.subject}</span>
                {overdue ? <span className="text-xs font-semibold text-bad">{t('overdue')}</span> : null}
              </div>
              <div className="mt-0.5 text-xs text-muted">
                {showParty && (a.customerName || a.leadName) ? (
                  <>
                    {a.customerId ? (
                      <Link href={`/crm/customers/${a.customerId}`} className="text-accent hover:underline">
                        {a.customerName}
                      </Link>
                    ) : (
                      a.leadName
                    )}
                    {' · '}
                  </>
                ) : null}
                {a.dueAt ? t('dueAt', { when: when(a.dueAt) }) : when(a.createdAt)}
                {a.ownerName ? ` · ${a.ownerName}` : ''}
                {a.dealTitle ? ` · ${a.dealTitle}` : ''}
              </div>
              {a.body ? <p className="mt-1 whitespace-pre-wrap break-words text-xs text-muted">{a.body}</p> : null}
            </div>
            {open && canWrite ? <CompleteTaskButton id={a.id} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
