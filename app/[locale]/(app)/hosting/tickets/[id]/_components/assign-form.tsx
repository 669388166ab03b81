'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { assignTicketAction } from '@/lib/actions/hosting/assign-ticket';
import { useActionToast } from './use-action-toast';

export function AssignForm({ id, assigneeUserId, assignees }: { id: string; assigneeUserId: string | null; assignees: { id: string; name: string }[] }) {
  const t = useTranslations('Tickets');
  const [state, action, pending] = useActionState(assignTicketAction, null);
  useActionToast(state, (d) => (d.assigneeUserId ? t('assigned') : t('unassignedDone')));
  return (
    <form action={action} className="flex items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <label className="flex flex-1 flex-col gap-1 text-xs text-muted">
        {t('assignee')}
        <select name="assigneeUserId" defaultValue={assigneeUserId ?? ''} className="rounded-md border border-line bg-bg px-3 py-2 text-sm text-ink">
          <option value="">{t('unassigned')}</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('assign')}
      </Button>
    </form>
  );
}
