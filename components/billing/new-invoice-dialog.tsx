'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from '@/lib/i18n/navigation';
import { ActionForm } from '@/components/form/action-form';
import { FormError, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { createInvoiceAction } from '@/lib/actions/billing/create-invoice';

type Option = { id: string; name: string };
const ROWS = [0, 1, 2];

/** A draft of up to three one-off items; it opens on the new draft, to be checked and issued. */
export function NewInvoiceDialog({ customers, contracts, customerId }: { customers: Option[]; contracts?: Option[]; customerId?: string }) {
  const t = useTranslations('Billing');
  return (
    <FormDialog title={t('newInvoice')} trigger={<Button type="button">{t('newInvoice')}</Button>}>
      {(close) => <NewInvoiceForm customers={customers} contracts={contracts} customerId={customerId} onCancel={close} />}
    </FormDialog>
  );
}

function NewInvoiceForm({ customers, contracts, customerId, onCancel }: { customers: Option[]; contracts?: Option[]; customerId?: string; onCancel: () => void }) {
  const t = useTranslations('Billing');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(createInvoiceAction, { success: () => t('draftCreated'), onSuccess: (d) => router.push(`/crm/invoices/${d.id}`) });
  return (
    <ActionForm form={form} className="grid gap-4">
      {customerId ? <input type="hidden" name="customerId" value={customerId} /> : <SelectField name="customerId" label={t('customer')} defaultValue="" empty="—" options={customers} />}
      <div className="grid gap-4 sm:grid-cols-2">
        {contracts ? <SelectField name="contractId" label={t('contractOptional')} defaultValue="" empty="—" options={contracts} /> : null}
        <TextField name="taxPct" label={t('taxPct')} hint={t('taxPctHint')} inputMode="decimal" />
      </div>
      {ROWS.map((i) => (
        <div key={i} className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr]">
          <TextField id={`itemDescription-${i}`} name="itemDescription" label={t('itemDescription')} error={form.errors[`items.${i}.description`]} maxLength={200} />
          <TextField id={`itemQuantity-${i}`} name="itemQuantity" label={t('itemQuantity')} error={form.errors[`items.${i}.quantity`]} inputMode="decimal" />
          <TextField id={`itemUnitUsd-${i}`} name="itemUnitUsd" label={t('itemUnitUsd')} error={form.errors[`items.${i}.unitUsd`]} inputMode="decimal" />
        </div>
      ))}
      <FormError name="items" />
      <FormError />
      <DialogActions onCancel={onCancel}>
        <SubmitButton pendingLabel={tc('saving')}>{t('createDraft')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
