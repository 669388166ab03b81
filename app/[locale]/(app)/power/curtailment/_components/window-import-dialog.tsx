'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { importCurtailmentWindowsAction } from '@/lib/actions/power/import-curtailment-windows';
import { useRouter } from '@/lib/i18n/navigation';
import { CsvFields } from './csv-fields';

/** Windows from a CSV: a schedule, or the utility's transmission-peak (4CP) warnings. */
export function WindowImportDialog({ sites, strategies }: { sites: { id: string; name: string }[]; strategies: string[] }) {
  const t = useTranslations('CurtailmentAuto');
  return (
    <FormDialog title={t('windows.import')} trigger={<Button variant="secondary">{t('windows.import')}</Button>}>
      {(close) => <ImportForm sites={sites} strategies={strategies} onDone={close} />}
    </FormDialog>
  );
}

function ImportForm({ sites, strategies, onDone }: { sites: { id: string; name: string }[]; strategies: string[]; onDone: () => void }) {
  const t = useTranslations('CurtailmentAuto');
  const tc = useTranslations('Curtailment');
  const tCommon = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(importCurtailmentWindowsAction, {
    success: (r) => t('windows.imported', { count: r.saved }),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <SelectField id="wi-site" name="siteId" label={t('site')} options={sites} />
      <SelectField id="wi-kind" name="kind" label={t('windows.kind')} defaultValue="peak_warning" options={['scheduled', 'peak_warning'].map((k) => ({ id: k, name: t(`windowKinds.${k}`) }))} />
      <SelectField id="wi-strategy" name="strategy" label={tc('strategy')} options={strategies.map((s) => ({ id: s, name: tc(`strategies.${s}`) }))} />
      <TextField id="wi-per-minute" name="perMinute" label={tc('perMinute')} inputMode="numeric" defaultValue="100" />
      <CsvFields id="wi-text" example={'date,start,end,target_kw,target_kind\n2026-08-03,16:00,17:30,2000,cap'} />
      <p className="text-xs text-muted">{t('windows.importHint')}</p>
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tCommon('saving')}>{t('windows.importSubmit')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
