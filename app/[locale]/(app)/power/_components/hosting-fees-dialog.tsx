'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { saveHostingFeesAction } from '@/lib/actions/power/save-hosting-fees';
import { useRouter } from '@/lib/i18n/navigation';

type Option = { id: string; name: string };
export type HostingFeeValues = { siteId: string; customerId: string; monthlyUsd: number; perMinerMonthUsd: number; usdPerKwh: number };

/** Sets a customer's hosting fees at a site (a monthly fee, per miner-month, per kWh); `fees` edits a stored row. */
export function HostingFeesDialog({ sites, customers, fees }: { sites: Option[]; customers: Option[]; fees?: HostingFeeValues }) {
  const t = useTranslations('Power.hostingFees');
  return (
    <FormDialog title={t('title')} trigger={<Button variant={fees ? 'ghost' : 'secondary'} data-testid={fees ? 'edit-hosting-fees' : 'new-hosting-fees'}>{fees ? t('edit') : t('new')}</Button>}>
      {(close) => <FeesForm sites={sites} customers={customers} fees={fees} onDone={close} />}
    </FormDialog>
  );
}

function FeesForm({ sites, customers, fees, onDone }: { sites: Option[]; customers: Option[]; fees?: HostingFeeValues; onDone: () => void }) {
  const t = useTranslations('Power.hostingFees');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(saveHostingFeesAction, {
    success: () => t('saved'),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      {fees ? (
        <>
          <input type="hidden" name="siteId" value={fees.siteId} />
          <input type="hidden" name="customerId" value={fees.customerId} />
        </>
      ) : (
        <>
          <SelectField id="hf-site" name="siteId" label={t('site')} options={sites} />
          <SelectField id="hf-customer" name="customerId" label={t('customer')} options={customers} />
        </>
      )}
      <TextField id="hf-monthly" name="monthlyUsd" label={t('monthly')} inputMode="decimal" defaultValue={fees ? String(fees.monthlyUsd) : ''} />
      <TextField id="hf-per-miner" name="perMinerMonthUsd" label={t('perMiner')} inputMode="decimal" defaultValue={fees ? String(fees.perMinerMonthUsd) : ''} />
      <TextField id="hf-per-kwh" name="usdPerKwh" label={t('perKwh')} inputMode="decimal" defaultValue={fees ? String(fees.usdPerKwh) : ''} />
      <p className="text-xs text-muted">{t('contractHint')}</p>
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
