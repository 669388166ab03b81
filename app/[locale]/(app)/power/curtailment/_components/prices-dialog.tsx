'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { importPowerPricesAction } from '@/lib/actions/power/import-power-prices';
import { useRouter } from '@/lib/i18n/navigation';
import { CsvFields } from './csv-fields';

/** Power prices of a site per five-minute window, typed by hand or from a CSV, for the strike plans that read them. */
export function PricesDialog({ sites }: { sites: { id: string; name: string }[] }) {
  const t = useTranslations('CurtailmentAuto');
  return (
    <FormDialog title={t('prices.title')} trigger={<Button variant="secondary">{t('prices.add')}</Button>}>
      {(close) => <PricesForm sites={sites} onDone={close} />}
    </FormDialog>
  );
}

function PricesForm({ sites, onDone }: { sites: { id: string; name: string }[]; onDone: () => void }) {
  const t = useTranslations('CurtailmentAuto');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(importPowerPricesAction, {
    success: (r) => t('prices.stored', { count: r.stored }),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <SelectField id="pr-site" name="siteId" label={t('site')} options={sites} />
      <SelectField id="pr-source" name="source" label={t('prices.source')} options={[{ id: 'manual', name: t('feedKinds.manual') }, { id: 'csv', name: t('feedKinds.csv') }]} />
      <CsvFields id="pr-text" example={'start,usd_per_mwh\n2026-07-15T20:00:00Z,142.5'} />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
