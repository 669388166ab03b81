'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { FormError, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { createWalletAction } from '@/lib/actions/treasury/create-wallet';

/** A watch-only address or an exchange account, known by its label; no key is ever asked for. */
export function WalletDialog() {
  const t = useTranslations('Treasury.wallet');
  return (
    <FormDialog title={t('newTitle')} trigger={<Button variant="secondary">{t('new')}</Button>}>
      {(close) => <WalletForm onDone={close} />}
    </FormDialog>
  );
}

function WalletForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations('Treasury.wallet');
  const [kind, setKind] = useState<'address' | 'exchange'>('address');
  const form = useActionForm(createWalletAction, { success: () => t('created'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <SelectField name="kind" label={t('kind')} value={kind} onChange={(e) => setKind(e.target.value as 'address' | 'exchange')} options={[{ id: 'address', name: t('address') }, { id: 'exchange', name: t('exchange') }]} />
      <TextField name="label" label={t('label')} required maxLength={80} error={form.errors.label} />
      {kind === 'address' ? <TextField name="address" label={t('addressField')} hint={t('addressHint')} required maxLength={120} className="font-mono" error={form.errors.address} /> : null}
      <FormError />
      <DialogActions onCancel={onDone}>
        <SubmitButton pending={form.pending}>{t('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
