'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { addContactAction } from '@/lib/actions/crm/add-contact';
import { updateContactAction } from '@/lib/actions/crm/update-contact';

export type ContactRow = { id: string; name: string; title: string | null; email: string | null; phone: string | null; isPrimary: boolean };

/** A new contact of `customerId`, or, given `contact`, that contact's edit form. */
export function ContactDialog({ customerId, contact }: { customerId: string; contact?: ContactRow }) {
  const t = useTranslations('Crm.contact');
  return (
    <FormDialog
      title={contact ? t('editTitle', { name: contact.name }) : t('newTitle')}
      trigger={
        <Button variant="secondary" className="px-2 py-1 text-xs" aria-label={contact ? t('editTitle', { name: contact.name }) : undefined}>
          {contact ? t('edit') : t('new')}
        </Button>
      }
    >
      {(close) => <ContactForm customerId={customerId} contact={contact} onDone={close} />}
    </FormDialog>
  );
}

function ContactForm({ customerId, contact, onDone }: { customerId: string; contact?: ContactRow; onDone: () => void }) {
  const t = useTranslations('Crm.contact');
  const form = useActionForm(contact ? updateContactAction : addContactAction, { success: () => (contact ? t('updated') : t('added')), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      {contact ? <input type="hidden" name="id" value={contact.id} /> : <input type="hidden" name="customerId" value={customerId} />}
      <TextField name="name" label={t('name')} required maxLength={200} defaultValue={contact?.name} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="title" label={t('title')} maxLength={100} defaultValue={contact?.title ?? ''} />
        <TextField name="email" type="email" label={t('email')} maxLength={200} autoComplete="off" defaultValue={contact?.email ?? ''} />
        <TextField name="phone" type="tel" label={t('phone')} maxLength={50} defaultValue={contact?.phone ?? ''} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="isPrimary" className="h-4 w-4 accent-accent" defaultChecked={contact?.isPrimary} />
        {t('primary')}
      </label>
      <DialogActions onCancel={onDone}>
        <SubmitButton>{contact ? t('save') : t('add')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
