'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { createHostingPlanAction } from '@/lib/actions/crm/create-hosting-plan';

const PRICINGS = ['per_kwh', 'per_miner_month', 'per_kw_reserved'] as const;

/** A new public plan: the site, its price as a contract would have it, and the brands that show it. */
export function PlanDialog({ sites, brands }: { sites: FieldOption[]; brands: FieldOption[] }) {
  const t = useTranslations('Crm.plans');
  return (
    <FormDialog title={t('newTitle')} trigger={<Button>{t('new')}</Button>}>
      {(close) => <PlanForm sites={sites} brands={brands} onDone={close} />}
    </FormDialog>
  );
}

function PlanForm({ sites, brands, onDone }: { sites: FieldOption[]; brands: FieldOption[]; onDone: () => void }) {
  const t = useTranslations('Crm.plans');
  const [pricing, setPricing] = useState<(typeof PRICINGS)[number]>('per_kwh');
  const form = useActionForm(createHostingPlanAction, { success: () => t('created'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <TextField name="name" label={t('name')} required maxLength={80} error={form.errors.name} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="siteId" label={t('site')} required options={sites} error={form.errors.siteId} />
        <SelectField name="brandId" label={t('brand')} defaultValue="" empty={t('allBrands')} options={brands} error={form.errors.brandId} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="pricing" label={t('pricing')} value={pricing} onChange={(e) => setPricing(e.target.value as (typeof PRICINGS)[number])} options={PRICINGS.map((id) => ({ id, name: t(`pricingOf.${id}`) }))} />
        <TextField name="rateUsd" label={t(`rateOf.${pricing}`)} required inputMode="decimal" maxLength={40} error={form.errors.rateUsd} />
        <TextField name="minTermMonths" label={t('minTerm')} required type="number" min={1} max={240} defaultValue="12" error={form.errors.minTermMonths} />
      </div>
      <TextAreaField name="notes" label={t('notes')} rows={3} maxLength={500} error={form.errors.notes} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="published" defaultChecked className="accent-[#f7931a]" />
        {t('published')}
      </label>
      <DialogActions onCancel={onDone}>
        <SubmitButton>{t('create')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
