'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { FormError, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { putOpexAction } from '@/lib/actions/treasury/put-opex';
import { OPEX_CATEGORIES } from '@/lib/domain/treasury/cost-basis';

/** A month's cost in one category; entering the same month and category again replaces it. */
export function OpexDialog({ month }: { month: string }) {
  const t = useTranslations('Treasury.opex');
  return (
    <FormDialog title={t('title')} trigger={<Button variant="secondary">{t('open')}</Button>}>
      {(close) => <OpexForm month={month} onDone={close} />}
    </FormDialog>
  );
}

function OpexForm({ month, onDone }: { month: string; onDone: () => void }) {
  const t = useTranslations('Treasury.opex');
  const form = useActionForm(putOpexAction, { success: () => t('saved'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <p className="text-sm text-muted">{t('hint')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="month" type="month" label={t('month')} required defaultValue={month} error={form.errors.month} />
        <SelectField name="category" label={t('category')} options={OPEX_CATEGORIES.map((c) => ({ id: c, name: t(`categories.${c}`) }))} />
      </div>
      <TextField name="amountUsd" label={t('amountUsd')} inputMode="decimal" required error={form.errors.amountUsd} />
      <TextAreaField name="note" label={t('note')} rows={2} maxLength={500} />
      <FormError />
      <DialogActions onCancel={onDone}>
        <SubmitButton pending={form.pending}>{t('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
