'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { createDealAction } from '@/lib/actions/crm/create-deal';

/**
 * A new deal on a fixed customer or lead (its 360 page, the lead list), or on one picked from
 * `customers` (the board). The broker fields appear for those allowed to set commissions.
 */
export function DealDialog({ target, customers, staff, commission, small }: { target?: { customerId?: string; leadId?: string }; customers?: FieldOption[]; staff: FieldOption[] | null; commission: boolean; small?: boolean }) {
  const t = useTranslations('Crm.deal');
  return (
    <FormDialog
      title={t('newTitle')}
      trigger={
        <Button variant={small ? 'secondary' : 'primary'} className={small ? 'px-2 py-1 text-xs' : undefined}>
          {t('new')}
        </Button>
      }
    >
      {(close) => <DealForm target={target} customers={customers} staff={staff} commission={commission} onDone={close} />}
    </FormDialog>
  );
}

function DealForm({ target, customers, staff, commission, onDone }: { target?: { customerId?: string; leadId?: string }; customers?: FieldOption[]; staff: FieldOption[] | null; commission: boolean; onDone: () => void }) {
  const t = useTranslations('Crm.deal');
  const form = useActionForm(createDealAction, { success: () => t('created'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      {target?.customerId ? <input type="hidden" name="customerId" value={target.customerId} /> : null}
      {target?.leadId ? <input type="hidden" name="leadId" value={target.leadId} /> : null}
      {!target && customers ? <SelectField name="customerId" label={t('customer')} defaultValue="" empty="—" options={customers} required /> : null}
      <TextField name="title" label={t('title')} required maxLength={200} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="value" label={t('value')} inputMode="decimal" required placeholder="12,500.00" />
        <TextField name="expectedCloseOn" type="date" label={t('expectedClose')} />
      </div>
      {staff ? <SelectField name="ownerUserId" label={t('owner')} defaultValue="" empty={t('ownerMe')} options={staff} /> : null}
      {commission ? (
        <fieldset className="grid gap-4 rounded-md border border-line p-3 sm:grid-cols-3">
          <legend className="px-1 text-sm text-muted">{t('broker')}</legend>
          <TextField name="brokerName" label={t('brokerName')} maxLength={200} />
          <TextField name="commissionPct" label={t('commissionPct')} inputMode="decimal" placeholder="2.5" />
          <TextField name="commissionFixed" label={t('commissionFixed')} inputMode="decimal" hint={t('commissionHint')} />
        </fieldset>
      ) : null}
      <DialogActions onCancel={onDone}>
        <SubmitButton>{t('create')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
