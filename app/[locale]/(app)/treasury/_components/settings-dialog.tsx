'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, FormError, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { putTreasurySettingsAction } from '@/lib/actions/treasury/put-settings';

export function SettingsDialog({ wallets, settings }: { wallets: FieldOption[]; settings: { runwayAlertMonths: number; coverMonths: number; payoutWalletId: string | null } }) {
  const t = useTranslations('Treasury.settings');
  return (
    <FormDialog title={t('title')} trigger={<Button variant="ghost">{t('open')}</Button>}>
      {(close) => <SettingsForm wallets={wallets} settings={settings} onDone={close} />}
    </FormDialog>
  );
}

function SettingsForm({ wallets, settings, onDone }: { wallets: FieldOption[]; settings: { runwayAlertMonths: number; coverMonths: number; payoutWalletId: string | null }; onDone: () => void }) {
  const t = useTranslations('Treasury.settings');
  const form = useActionForm(putTreasurySettingsAction, { success: () => t('saved'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="runwayAlertMonths" type="number" min={0} max={120} label={t('runwayAlertMonths')} hint={t('runwayAlertHint')} defaultValue={settings.runwayAlertMonths} error={form.errors.runwayAlertMonths} />
        <TextField name="coverMonths" type="number" min={1} max={60} label={t('coverMonths')} defaultValue={settings.coverMonths} error={form.errors.coverMonths} />
      </div>
      <SelectField name="payoutWalletId" label={t('payoutWallet')} hint={t('payoutWalletHint')} defaultValue={settings.payoutWalletId ?? ''} empty={t('none')} options={wallets} error={form.errors.payoutWalletId} />
      <FormError />
      <DialogActions onCancel={onDone}>
        <SubmitButton pending={form.pending}>{t('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
