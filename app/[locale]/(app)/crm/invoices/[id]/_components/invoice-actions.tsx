'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { FormError, SubmitButton, TextField } from '@/components/form/fields';
import { ConfirmButton } from '@/components/form/confirm-button';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { createCreditNoteAction } from '@/lib/actions/billing/create-credit-note';
import { issueInvoiceAction } from '@/lib/actions/billing/issue-invoice';
import { voidInvoiceAction } from '@/lib/actions/billing/void-invoice';
import { useRouter } from '@/lib/i18n/navigation';

const formOf = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

/** Issue a draft; void one nothing was paid on; a credit note for an issued one (never an edit). */
export function InvoiceActions({ id, status, kind, paid }: { id: string; status: string; kind: string; paid: boolean }) {
  const t = useTranslations('Billing');
  const tc = useTranslations('Common');
  const router = useRouter();
  const issue = useActionForm(issueInvoiceAction, { success: (d) => (d.emailed ? t('issuedEmailed', { number: d.number ?? '' }) : t('issuedToast', { number: d.number ?? '' })) });
  if (kind !== 'invoice' || status === 'void') return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === 'draft' ? (
        <ActionForm form={issue}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton pendingLabel={tc('saving')}>{t('issue')}</SubmitButton>
        </ActionForm>
      ) : (
        <FormDialog title={t('creditNote')} trigger={<Button type="button" variant="secondary">{t('creditNote')}</Button>}>
          {(close) => <CreditNoteForm id={id} onDone={close} />}
        </FormDialog>
      )}
      {!paid ? (
        <ConfirmButton label={t('void')} title={t('voidTitle')} body={t('voidBody')} successMessage={t('voided')} onConfirm={() => voidInvoiceAction(null, formOf({ id }))} onDone={() => router.refresh()} />
      ) : null}
    </div>
  );
}

function CreditNoteForm({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useTranslations('Billing');
  const tc = useTranslations('Common');
  const form = useActionForm(createCreditNoteAction, { success: (d) => t('creditCreated', { number: d.number ?? '' }), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <input type="hidden" name="id" value={id} />
      <TextField name="amountUsd" label={t('creditAmount')} hint={t('creditAmountHint')} inputMode="decimal" />
      <TextField name="reason" label={t('reason')} maxLength={200} required />
      <FormError />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{t('creditNote')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
