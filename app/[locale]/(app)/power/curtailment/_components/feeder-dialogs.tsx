'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { importFeederMapAction } from '@/lib/actions/power/import-feeder-map';
import { saveFeederAction } from '@/lib/actions/power/save-feeder';
import { useRouter } from '@/lib/i18n/navigation';
import { CsvFields } from './csv-fields';

/** Adds a feeder or PDU to the site, or changes the cap of `feeder`. */
export function FeederDialog({ siteId, feeder }: { siteId: string; feeder?: { code: string; capKw: number } }) {
  const t = useTranslations('CurtailmentAuto');
  return (
    <FormDialog title={feeder ? t('feeders.editTitle', { code: feeder.code }) : t('feeders.add')} trigger={<Button variant={feeder ? 'ghost' : 'secondary'}>{feeder ? t('edit') : t('feeders.add')}</Button>}>
      {(close) => <FeederForm siteId={siteId} feeder={feeder} onDone={close} />}
    </FormDialog>
  );
}

function FeederForm({ siteId, feeder, onDone }: { siteId: string; feeder?: { code: string; capKw: number }; onDone: () => void }) {
  const t = useTranslations('CurtailmentAuto');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(saveFeederAction, {
    success: () => t('feeders.saved'),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <input type="hidden" name="siteId" value={siteId} />
      {feeder ? <input type="hidden" name="code" value={feeder.code} /> : <TextField id="fd-code" name="code" label={t('feeders.code')} maxLength={50} required />}
      <TextField id="fd-cap" name="capKw" label={t('feeders.capKw')} inputMode="decimal" defaultValue={feeder ? String(feeder.capKw) : ''} required />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}

/** Replaces the site's feeder map from a CSV: feeders, caps, and the miners or racks on each. */
export function FeederImportDialog({ siteId }: { siteId: string }) {
  const t = useTranslations('CurtailmentAuto');
  return (
    <FormDialog title={t('feeders.import')} trigger={<Button variant="secondary">{t('feeders.import')}</Button>}>
      {(close) => <FeederImportForm siteId={siteId} onDone={close} />}
    </FormDialog>
  );
}

function FeederImportForm({ siteId, onDone }: { siteId: string; onDone: () => void }) {
  const t = useTranslations('CurtailmentAuto');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(importFeederMapAction, {
    success: (r) => t('feeders.imported', { feeders: r.feeders, miners: r.miners }),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <input type="hidden" name="siteId" value={siteId} />
      <CsvFields id="fi-text" example={'feeder,cap_kw,miner,rack,room\nF-1,1200,,12,A\nF-2,900,S19-0042,,'} />
      <p className="text-xs text-muted">{t('feeders.importHint')}</p>
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{t('feeders.importSubmit')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
