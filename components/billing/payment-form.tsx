'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { FormError, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { recordPaymentAction } from '@/lib/actions/billing/record-payment';
import { PAYMENT_METHODS, PAYMENT_PURPOSES, type PaymentMethod } from '@/lib/domain/billing/payment';
import { formatUsdFromCents } from '@/lib/format';

/** Money received from a customer: fiat, or coins with the rate used and the transaction hash. */
export function PaymentDialog({ customerId, locale, today }: { customerId: string; locale: string; today: string }) {
  const t = useTranslations('Billing.payment');
  return (
    <FormDialog title={t('title')} trigger={<Button type="button">{t('title')}</Button>}>
      {(close) => <PaymentForm customerId={customerId} locale={locale} today={today} onDone={close} />}
    </FormDialog>
  );
}

function PaymentForm({ customerId, locale, today, onDone }: { customerId: string; locale: string; today: string; onDone: () => void }) {
  const t = useTranslations('Billing.payment');
  const tc = useTranslations('Common');
  const [method, setMethod] = useState<PaymentMethod>('fiat');
  const form = useActionForm(recordPaymentAction, { success: (d) => t('recorded', { amount: formatUsdFromCents(d.amountCents, locale) }), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <input type="hidden" name="customerId" value={customerId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="purpose" label={t('purposeLabel')} defaultValue="invoices" options={PAYMENT_PURPOSES.map((p) => ({ id: p, name: t(`purpose.${p}`) }))} />
        <SelectField name="method" label={t('methodLabel')} value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)} options={PAYMENT_METHODS.map((m) => ({ id: m, name: t(`method.${m}`) }))} />
      </div>
      {method === 'fiat' ? (
        <TextField name="amountUsd" label={t('amountUsd')} inputMode="decimal" autoComplete="off" />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="assetAmount" label={t('assetAmount')} inputMode="decimal" autoComplete="off" />
          <TextField name="rateUsd" label={t('rateUsd')} inputMode="decimal" autoComplete="off" />
          <TextField name="txHash" label={t('txHash')} autoComplete="off" className="sm:col-span-2" />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="reference" label={t('reference')} maxLength={200} />
        <TextField name="receivedOn" label={t('receivedOn')} type="date" defaultValue={today} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="allowOverpayment" className="accent-accent" />
        {t('allowOverpayment')}
      </label>
      <FormError />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{t('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
