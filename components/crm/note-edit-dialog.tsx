'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextAreaField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { updateNoteAction } from '@/lib/actions/crm/update-note';

export function NoteEditDialog({ note }: { note: { id: string; body: string } }) {
  const t = useTranslations('Crm.note');
  return (
    <FormDialog
      title={t('editTitle')}
      trigger={
        <Button variant="secondary" className="px-2 py-1 text-xs">
          {t('edit')}
        </Button>
      }
    >
      {(close) => <NoteEditForm note={note} onDone={close} />}
    </FormDialog>
  );
}

function NoteEditForm({ note, onDone }: { note: { id: string; body: string }; onDone: () => void }) {
  const t = useTranslations('Crm.note');
  const form = useActionForm(updateNoteAction, { success: () => t('updated'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <input type="hidden" name="id" value={note.id} />
      <TextAreaField id={`note-edit-${note.id}`} name="body" label={t('body')} rows={5} maxLength={5000} defaultValue={note.body} required />
      <DialogActions onCancel={onDone}>
        <SubmitButton>{t('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
