'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { FieldGroup, FormError, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { createContractAction } from '@/lib/actions/billing/create-contract';
import { type Pricing, PRICINGS } from '@/lib/domain/billing/contract';

type Option = { id: string; name: string };

export function ContractDialog({ customerId, sites, miners, today }: { customerId: string; sites: Option[]; miners: (Option & { siteId: string })[]; today: string }) {
  const t = useTranslations('Billing');
  return (
    <FormDialog title={t('newContract')} trigger={<Button type="button">{t('newContract')}</Button>}>
      {(close) => <ContractForm customerId={customerId} sites={sites} miners={miners} today={today} onDone={close} />}
    </FormDialog>
  );
}

function Check({ name, value, label }: { name: string; value: string; label: string }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} value={value} className="accent-accent" />
      {label}
    </label>
  );
}

function ContractForm({ customerId, sites, miners, today, onDone }: { customerId: string; sites: Option[]; miners: (Option & { siteId: string })[]; today: string; onDone: () => void }) {
  const t = useTranslations('Billing');
  const tc = useTranslations('Common');
  const [pricing, setPricing] = useState<Pricing>('per_kwh');
  const form = useActionForm(createContractAction, { success: () => t('contractCreated'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid max-h-[75vh] gap-4 overflow-y-auto">
      <input type="hidden" name="customerId" value={customerId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="pricing" label={t('pricingLabel')} value={pricing} onChange={(e) => setPricing(e.target.value as Pricing)} options={PRICINGS.map((p) => ({ id: p, name: t(`pricing.${p}`) }))} />
        <TextField name="rateUsd" label={t('rateUsd')} hint={t('rateHint')} inputMode="decimal" />
        {pricing === 'per_kw_reserved' ? <TextField name="reservedKw" label={t('reservedKw')} inputMode="numeric" /> : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="startDate" label={t('startDate')} type="date" defaultValue={today} />
        <TextField name="termMonths" label={t('termMonths')} inputMode="numeric" defaultValue="12" />
        <TextField name="paymentTermsDays" label={t('paymentTermsDays')} inputMode="numeric" defaultValue="15" />
        <TextField name="depositUsd" label={t('depositUsd')} inputMode="decimal" />
        <TextField name="taxPct" label={t('taxPct')} inputMode="decimal" />
        <TextField name="revenueSharePct" label={t('revenueSharePct')} inputMode="decimal" />
        <TextField name="slaUptimePct" label={t('slaUptimePct')} inputMode="decimal" placeholder="95" />
        <TextField name="slaCreditPctPerPoint" label={t('slaCreditPctPerPoint')} inputMode="decimal" placeholder="5" />
        <TextField name="slaCreditCapPct" label={t('slaCreditCapPct')} inputMode="decimal" placeholder="30" />
      </div>
      <div className="flex flex-wrap gap-4">
        <Check name="autoRenew" value="on" label={t('autoRenew')} />
        <Check name="energyPassThrough" value="on" label={t('energyPassThrough')} />
      </div>
      <FieldGroup name="siteIds" legend={t('sites')}>
        {sites.map((s) => (
          <Check key={s.id} name="siteIds" value={s.id} label={s.name} />
        ))}
      </FieldGroup>
      {miners.length ? (
        <FieldGroup name="minerIds" legend={t('miners')} className="max-h-40 overflow-y-auto">
          {miners.map((m) => (
            <Check key={m.id} name="minerIds" value={m.id} label={m.name} />
          ))}
        </FieldGroup>
      ) : null}
      <TextAreaField name="notes" label={t('notes')} rows={2} maxLength={2000} />
      <FormError />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{t('createContract')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
