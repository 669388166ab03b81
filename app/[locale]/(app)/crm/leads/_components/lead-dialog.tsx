'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { createLeadAction } from '@/lib/actions/crm/create-lead';
import { LEAD_SOURCES } from '@/lib/domain/crm/lead';

export function LeadDialog({ staff }: { staff: FieldOption[] | null }) {
  const t = useTranslations('Crm.lead');
  return (
    <FormDialog title={t('newTitle')} trigger={<Button>{t('new')}</Button>}>
      {(close) => <LeadForm staff={staff} onDone={close} />}
    </FormDialog>
  );
}

function LeadForm({ staff, onDone }: { staff: FieldOption[] | null; onDone: () => void }) {
  const t = useTranslations('Crm.lead');
  const form = useActionForm(createLeadAction, { success: () => t('created'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t('name')} required maxLength={200} />
        <TextField name="company" label={t('company')} maxLength={200} />
        <TextField name="email" type="email" label={t('email')} maxLength={200} autoComplete="off" />
        <TextField name="phone" type="tel" label={t('phone')} maxLength={50} />
        <SelectField name="source" label={t('source')} defaultValue="manual" options={LEAD_SOURCES.map((s) => ({ id: s, name: t(`sources.${s}`) }))} />
        <TextField name="referralCode" label={t('referralCode')} maxLength={40} autoComplete="off" />
      </div>
      {staff ? <SelectField name="ownerUserId" label={t('owner')} defaultValue="" empty={t('ownerNone')} options={staff} /> : null}
      <TextAreaField name="notes" label={t('notes')} rows={3} maxLength={5000} />
      <DialogActions onCancel={onDone}>
        <SubmitButton>{t('create')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
