'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { saveCurtailmentWindowAction } from '@/lib/actions/power/save-curtailment-window';
import { useRouter } from '@/lib/i18n/navigation';

type Site = { id: string; name: string; timeZone: string };

/** A scheduled or peak-warning window, typed in the site's own time zone. */
export function WindowDialog({ sites, strategies }: { sites: Site[]; strategies: string[] }) {
  const t = useTranslations('CurtailmentAuto');
  return (
    <FormDialog title={t('windows.add')} trigger={<Button variant="secondary" data-testid="add-window">{t('windows.add')}</Button>}>
      {(close) => <WindowForm sites={sites} strategies={strategies} onDone={close} />}
    </FormDialog>
  );
}

function WindowForm({ sites, strategies, onDone }: { sites: Site[]; strategies: string[]; onDone: () => void }) {
  const t = useTranslations('CurtailmentAuto');
  const tc = useTranslations('Curtailment');
  const tCommon = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(saveCurtailmentWindowAction, {
    success: () => t('windows.saved'),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="grid gap-3 sm:grid-cols-2">
      <SelectField id="w-site" name="siteId" label={t('site')} options={sites.map((s) => ({ id: s.id, name: `${s.name} (${s.timeZone})` }))} />
      <SelectField id="w-kind" name="kind" label={t('windows.kind')} options={['scheduled', 'peak_warning'].map((k) => ({ id: k, name: t(`windowKinds.${k}`) }))} />
      <TextField id="w-date" name="date" label={t('windows.date')} type="date" required />
      <div className="grid grid-cols-2 gap-2">
        <TextField id="w-from" name="from" label={t('windows.from')} type="time" required />
        <TextField id="w-to" name="to" label={t('windows.to')} type="time" required />
      </div>
      <p className="text-xs text-muted sm:col-span-2">{t('windows.zoneHint')}</p>
      <SelectField id="w-strategy" name="strategy" label={tc('strategy')} options={strategies.map((s) => ({ id: s, name: tc(`strategies.${s}`) }))} />
      <SelectField id="w-target-kind" name="targetKind" label={tc('targetKind')} options={[{ id: 'reduction', name: tc('kind.reduction') }, { id: 'cap', name: tc('kind.cap') }]} />
      <TextField id="w-kw" name="targetKw" label={tc('targetKw')} inputMode="decimal" required />
      <TextField id="w-per-minute" name="perMinute" label={tc('perMinute')} inputMode="numeric" defaultValue="100" />
      <div className="sm:col-span-2">
        <TextField id="w-note" name="note" label={t('windows.note')} maxLength={500} />
      </div>
      <div className="sm:col-span-2">
        <DialogActions onCancel={onDone}>
          <SubmitButton pendingLabel={tCommon('saving')}>{tCommon('save')}</SubmitButton>
        </DialogActions>
      </div>
    </ActionForm>
  );
}
