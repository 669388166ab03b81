'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { createDealAction } from '@/lib/actions/crm/create-deal';
import { updateDealAction } from '@/lib/actions/crm/update-deal';
import { pctTextFromBps, usdTextFromCents } from '@/lib/domain/crm/money';

/** A deal as its edit form opens it (the version makes a save over someone else's change a CONFLICT). */
export type EditableDeal = { id: string; version: number; title: string; valueCents: number; expectedCloseOn: string | null; ownerUserId: string | null; brokerName: string | null; commissionBps: number | null; commissionFixedCents: number | null };

/**
 * A new deal on a fixed customer or lead (its 360 page, the lead list), or on one picked from
 * `customers` (the board). The broker fields appear for those allowed to set commissions.
 */
export function DealDialog({ target, customers, staff, commission, small, deal }: { target?: { customerId?: string; leadId?: string }; customers?: FieldOption[]; staff: FieldOption[] | null; commission: boolean; small?: boolean; deal?: EditableDeal }) {
  const t = useTranslations('Crm.deal');
  return (
    <FormDialog
      title={deal ? t('editTitle', { title: deal.title }) : t('newTitle')}
      trigger={
        <Button variant={small || deal ? 'secondary' : 'primary'} className={small || deal ? 'px-2 py-1 text-xs' : undefined} aria-label={deal ? t('editTitle', { title: deal.title }) : undefined}>
          {deal ? t('edit') : t('new')}
        </Button>
      }
    >
      {(close) => <DealForm target={target} customers={customers} staff={staff} commission={commission} deal={deal} onDone={close} />}
    </FormDialog>
  );
}

function DealForm({ target, customers, staff, commission, deal, onDone }: { target?: { customerId?: string; leadId?: string }; customers?: FieldOption[]; staff: FieldOption[] | null; commission: boolean; deal?: EditableDeal; onDone: () => void }) {
  const t = useTranslations('Crm.deal');
  const form = useActionForm(deal ? updateDealAction : createDealAction, { success: () => (deal ? t('updated') : t('created')), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      {deal ? (
        <>
          <input type="hidden" name="id" value={deal.id} />
          <input type="hidden" name="version" value={deal.version} />
        </>
      ) : null}
      {!deal && target?.customerId ? <input type="hidden" name="customerId" value={target.customerId} /> : null}
      {!deal && target?.leadId ? <input type="hidden" name="leadId" value={target.leadId} /> : null}
      {!deal && !target && customers ? <SelectField name="customerId" label={t('customer')} defaultValue="" empty="—" options={customers} required /> : null}
      <TextField name="title" label={t('title')} required maxLength={200} defaultValue={deal?.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="value" label={t('value')} inputMode="decimal" required placeholder="12,500.00" defaultValue={deal ? usdTextFromCents(deal.valueCents) : undefined} />
        <TextField name="expectedCloseOn" type="date" label={t('expectedClose')} defaultValue={deal?.expectedCloseOn ?? ''} />
      </div>
      {staff ? <SelectField name="ownerUserId" label={t('owner')} defaultValue={deal?.ownerUserId ?? ''} empty={t('ownerMe')} options={staff} /> : null}
      {commission ? (
        <fieldset className="grid gap-4 rounded-md border border-line p-3 sm:grid-cols-3">
          <legend className="px-1 text-sm text-muted">{t('broker')}</legend>
          <TextField name="brokerName" label={t('brokerName')} maxLength={200} defaultValue={deal?.brokerName ?? ''} />
          <TextField name="commissionPct" label={t('commissionPct')} inputMode="decimal" placeholder="2.5" defaultValue={deal?.commissionBps != null ? pctTextFromBps(deal.commissionBps) : ''} />
          <TextField name="commissionFixed" label={t('commissionFixed')} inputMode="decimal" hint={t('commissionHint')} defaultValue={deal?.commissionFixedCents != null ? usdTextFromCents(deal.commissionFixedCents) : ''} />
        </fieldset>
      ) : null}
      <DialogActions onCancel={onDone}>
        <SubmitButton>{deal ? t('save') : t('create')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
