'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { addContactAction } from '@/lib/actions/crm/add-contact';

export function ContactDialog({ customerId }: { customerId: string }) {
  const t = useTranslations('Crm.contact');
  return (
    <FormDialog
      title={t('newTitle')}
      trigger={
        <Button variant="secondary" className="px-2 py-1 text-xs">
          {t('new')}
        </Button>
      }
    >
      {(close) => <ContactForm customerId={customerId} onDone={close} />}
    </FormDialog>
  );
}

function ContactForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const t = useTranslations('Crm.contact');
  const form = useActionForm(addContactAction, { success: () => t('added'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <input type="hidden" name="customerId" value={customerId} />
      <TextField name="name" label={t('name')} required maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="title" label={t('title')} maxLength={100} />
        <TextField name="email" type="email" label={t('email')} maxLength={200} autoComplete="off" />
        <TextField name="phone" type="tel" label={t('phone')} maxLength={50} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isPrimary" className="h-4 w-4 accent-accent" />
        {t('primary')}
      </label>
      <DialogActions onCancel={onDone}>
        <SubmitButton>{t('add')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
