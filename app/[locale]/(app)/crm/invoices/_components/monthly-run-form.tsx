'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { runMonthlyInvoicesAction } from '@/lib/actions/billing/run-monthly-invoices';

/** The monthly run on demand (the daily job does the same): a month already invoiced issues nothing new. */
export function MonthlyRunForm({ month }: { month: string }) {
  const t = useTranslations('Billing');
  const form = useActionForm(runMonthlyInvoicesAction, { success: (d) => t('runDone', d) });
  return (
    <ActionForm form={form} className="flex items-end gap-2">
      <TextField name="month" label={t('month')} type="month" defaultValue={month} />
      <SubmitButton variant="secondary">{t('runMonthly')}</SubmitButton>
    </ActionForm>
  );
}
