'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { createCustomerAction } from '@/lib/actions/crm/create-customer';
import { updateCustomerAction } from '@/lib/actions/crm/update-customer';
import { useRouter } from '@/lib/i18n/navigation';

const TIERS = ['STANDARD', 'ENTERPRISE', 'VIP'] as const;

export type CustomerFormValues = { id: string; name: string; company: string | null; email: string | null; phone: string | null; tier: (typeof TIERS)[number]; ownerUserId: string | null; tags: string[] };

/**
 * New or edit customer in a dialog. `staff` is the account manager choice, offered to owners and
 * admins only (null): anyone else creates customers they manage themselves and cannot hand them away.
 */
export function CustomerDialog({ staff, customer }: { staff: FieldOption[] | null; customer?: CustomerFormValues }) {
  const t = useTranslations('Crm.customer');
  return (
    <FormDialog title={customer ? t('editTitle') : t('newTitle')} trigger={<Button variant={customer ? 'secondary' : 'primary'}>{customer ? t('edit') : t('new')}</Button>}>
      {(close) => <CustomerForm staff={staff} customer={customer} onDone={close} />}
    </FormDialog>
  );
}

function CustomerForm({ staff, customer, onDone }: { staff: FieldOption[] | null; customer?: CustomerFormValues; onDone: () => void }) {
  const t = useTranslations('Crm.customer');
  const tTier = useTranslations('Tier');
  const router = useRouter();
  const form = useActionForm<{ id: string }>(customer ? updateCustomerAction : createCustomerAction, {
    success: () => (customer ? t('saved') : t('created')),
    onSuccess: ({ id }) => {
      onDone();
      if (customer) router.refresh();
      else router.push(`/crm/customers/${id}`);
    },
  });
  return (
    <ActionForm form={form} className="grid gap-4">
      {customer ? <input type="hidden" name="id" value={customer.id} /> : null}
      <TextField name="name" label={t('name')} required maxLength={200} defaultValue={customer?.name} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="company" label={t('company')} maxLength={200} defaultValue={customer?.company ?? ''} />
        <SelectField name="tier" label={t('tier')} defaultValue={customer?.tier ?? 'STANDARD'} options={TIERS.map((id) => ({ id, name: tTier(id) }))} />
        <TextField name="email" type="email" label={t('email')} maxLength={200} defaultValue={customer?.email ?? ''} autoComplete="off" />
        <TextField name="phone" type="tel" label={t('phone')} maxLength={50} defaultValue={customer?.phone ?? ''} />
      </div>
      {staff ? (
        <SelectField name="ownerUserId" label={t('owner')} defaultValue={customer?.ownerUserId ?? ''} empty={t('noOwner')} options={staff} />
      ) : customer ? (
        <input type="hidden" name="ownerUserId" value={customer.ownerUserId ?? ''} />
      ) : null}
      <TextField name="tags" label={t('tags')} hint={t('tagsHint')} maxLength={400} defaultValue={customer?.tags.join(', ') ?? ''} />
      <DialogActions onCancel={onDone}>
        <SubmitButton>{customer ? t('save') : t('create')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
