'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { assignTicketAction } from '@/lib/actions/hosting/assign-ticket';

export function AssignForm({ id, assigneeUserId, assignees }: { id: string; assigneeUserId: string | null; assignees: { id: string; name: string }[] }) {
  const t = useTranslations('Tickets');
  const form = useActionForm(assignTicketAction, { success: (r) => (r.assigneeUserId ? t('assigned') : t('unassignedDone')) });
  return (
    <ActionForm form={form} className="flex items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <div className="flex-1">
        <SelectField id="ticket-assignee" name="assigneeUserId" label={t('assignee')} defaultValue={assigneeUserId ?? ''} empty={t('unassigned')} options={assignees} />
      </div>
      <SubmitButton variant="secondary">{t('assign')}</SubmitButton>
    </ActionForm>
  );
}
