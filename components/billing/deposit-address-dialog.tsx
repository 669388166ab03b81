'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { ConfirmButton } from '@/components/form/confirm-button';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { removeDepositAddressAction } from '@/lib/actions/billing/remove-deposit-address';
import { setDepositAddressAction } from '@/lib/actions/billing/set-deposit-address';
import { DEPOSIT_NETWORKS, type DepositAsset } from '@/lib/domain/billing/deposit-address';
import { useRouter } from '@/lib/i18n/navigation';

/** Sets a customer's deposit address for an asset (the server checks the checksum and network). */
export function DepositAddressDialog({ customerId, current }: { customerId: string; current?: { asset: DepositAsset; network: string; address: string } }) {
  const t = useTranslations('Billing.deposit');
  return (
    <FormDialog
      title={current ? t('editTitle', { asset: current.asset }) : t('newTitle')}
      trigger={
        <Button variant="secondary" className="px-2 py-1 text-xs">
          {current ? t('edit') : t('add')}
        </Button>
      }
    >
      {(close) => <DepositAddressForm customerId={customerId} current={current} onDone={close} />}
    </FormDialog>
  );
}

function DepositAddressForm({ customerId, current, onDone }: { customerId: string; current?: { asset: DepositAsset; network: string; address: string }; onDone: () => void }) {
  const t = useTranslations('Billing.deposit');
  const [asset, setAsset] = useState<DepositAsset>(current?.asset ?? 'BTC');
  const form = useActionForm(setDepositAddressAction, { success: () => t('saved'), onSuccess: onDone });
  return (
    <ActionForm form={form} className="grid gap-4">
      <input type="hidden" name="customerId" value={customerId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="asset" label={t('asset')} value={asset} onChange={(e) => setAsset(e.target.value as DepositAsset)} options={[{ id: 'BTC', name: 'BTC' }, { id: 'USDT', name: 'USDT' }]} />
        <SelectField key={asset} name="network" label={t('networkLabel')} defaultValue={current?.asset === asset ? current.network : DEPOSIT_NETWORKS[asset][0]} options={DEPOSIT_NETWORKS[asset].map((n) => ({ id: n, name: t(`network.${n}`) }))} />
      </div>
      <TextField name="address" label={t('address')} hint={t('addressHint')} required maxLength={120} defaultValue={current?.address} autoComplete="off" spellCheck={false} className="font-mono" />
      <DialogActions onCancel={onDone}>
        <SubmitButton>{t('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}

export function RemoveDepositAddressButton({ customerId, asset }: { customerId: string; asset: DepositAsset }) {
  const t = useTranslations('Billing.deposit');
  const router = useRouter();
  return (
    <ConfirmButton
      label={t('remove')}
      title={t('removeTitle', { asset })}
      body={t('removeBody', { asset })}
      successMessage={t('removed')}
      onConfirm={() => removeDepositAddressAction({ customerId, asset })}
      onDone={() => router.refresh()}
      trigger={
        <Button variant="secondary" type="button" className="px-2 py-1 text-xs">
          {t('remove')}
        </Button>
      }
    />
  );
}
