'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, FormError, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { recordEntryAction } from '@/lib/actions/treasury/record-entry';

const KINDS = ['inflow', 'sale', 'transfer', 'network_fee', 'cash_in', 'cash_out'] as const;
type Kind = (typeof KINDS)[number];
const instant = (local: string) => (local ? new Date(local).toISOString() : '');

/** One form for every hand-made entry; the kind picks the fields. Times are the browser's local time, stored as instants. */
export function EntryDialog({ wallets }: { wallets: FieldOption[] }) {
  const t = useTranslations('Treasury.entry');
  return (
    <FormDialog title={t('newTitle')} trigger={<Button>{t('new')}</Button>}>
      {(close) => <EntryForm wallets={wallets} onDone={close} />}
    </FormDialog>
  );
}

function EntryForm({ wallets, onDone }: { wallets: FieldOption[]; onDone: () => void }) {
  const t = useTranslations('Treasury.entry');
  const tk = useTranslations('Treasury.kind');
  const [kind, setKind] = useState<Kind>('inflow');
  const [at, setAt] = useState('');
  const form = useActionForm(recordEntryAction, { success: () => t('saved'), onSuccess: onDone });
  const btc = kind !== 'cash_in' && kind !== 'cash_out';
  return (
    <ActionForm form={form} className="grid gap-4">
      <SelectField name="kind" label={t('kind')} value={kind} onChange={(e) => setKind(e.target.value as Kind)} options={KINDS.map((k) => ({ id: k, name: tk(k) }))} />
      <TextField name="occurredLocal" id="occurredAt" type="datetime-local" label={t('occurredAt')} required value={at} onChange={(e) => setAt(e.target.value)} error={form.errors.occurredAt} />
      <input type="hidden" name="occurredAt" value={instant(at)} />
      {btc ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="walletId" label={kind === 'transfer' ? t('fromWallet') : t('wallet')} required options={wallets} error={form.errors.walletId} />
          {kind === 'transfer' ? <SelectField name="toWalletId" label={t('toWallet')} required options={wallets} error={form.errors.toWalletId} /> : null}
          <TextField name="btc" label={t('btc')} inputMode="decimal" required placeholder="0.00000000" error={form.errors.btc ?? form.errors.sats} />
          {kind === 'sale' ? (
            <>
              <TextField name="priceUsd" label={t('priceUsd')} inputMode="decimal" required error={form.errors.priceUsd} />
              <TextField name="feeUsd" label={t('feeUsd')} inputMode="decimal" error={form.errors.feeUsd} />
            </>
          ) : null}
          {kind === 'transfer' ? <TextField name="feeBtc" label={t('feeBtc')} inputMode="decimal" error={form.errors.feeBtc} /> : null}
          {kind !== 'sale' ? <TextField name="txHash" label={t('txHash')} required={kind === 'inflow'} maxLength={64} className="font-mono" error={form.errors.txHash} /> : null}
        </div>
      ) : (
        <TextField name="usd" label={t('usd')} inputMode="decimal" required error={form.errors.usd ?? form.errors.cents} />
      )}
      <TextAreaField name="note" label={t('note')} rows={2} maxLength={500} />
      <FormError />
      <DialogActions onCancel={onDone}>
        <SubmitButton pending={form.pending}>{t('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
