'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { completeTaskAction } from '@/lib/actions/crm/complete-task';

export function CompleteTaskButton({ id }: { id: string }) {
  const t = useTranslations('Crm.activity');
  const form = useActionForm(completeTaskAction, { success: () => t('completed') });
  return (
    <ActionForm form={form}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" className="px-2 py-1 text-xs">
        {t('complete')}
      </SubmitButton>
    </ActionForm>
  );
}
