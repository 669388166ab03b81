'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextAreaField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { addNoteAction } from '@/lib/actions/crm/add-note';

export function NoteForm({ customerId }: { customerId: string }) {
  const t = useTranslations('Crm.note');
  const form = useActionForm(addNoteAction, { success: () => t('added'), resetOnSuccess: true });
  return (
    <ActionForm form={form} className="grid gap-2">
      <input type="hidden" name="customerId" value={customerId} />
      <TextAreaField id="note-body" name="body" label={t('add')} rows={3} maxLength={5000} />
      <div className="flex justify-end">
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
