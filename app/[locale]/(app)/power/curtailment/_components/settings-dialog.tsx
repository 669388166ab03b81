'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { saveCurtailmentSettingsAction } from '@/lib/actions/power/save-curtailment-settings';
import { useRouter } from '@/lib/i18n/navigation';

export type CurtailmentSettingsValues = { minOnMinutes: number; minOffMinutes: number; powerTargetPcts: number[] };

/** A site's minimum on/off times and power-target levels (the strategy settings every plan reads). */
export function CurtailmentSettingsDialog({ siteId, settings }: { siteId: string; settings: CurtailmentSettingsValues }) {
  const t = useTranslations('CurtailmentAuto');
  return (
    <FormDialog title={t('settings.title')} trigger={<Button variant="secondary">{t('settings.edit')}</Button>}>
      {(close) => <SettingsForm siteId={siteId} settings={settings} onDone={close} />}
    </FormDialog>
  );
}

function SettingsForm({ siteId, settings, onDone }: { siteId: string; settings: CurtailmentSettingsValues; onDone: () => void }) {
  const t = useTranslations('CurtailmentAuto');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(saveCurtailmentSettingsAction, {
    success: () => t('settings.saved'),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <input type="hidden" name="siteId" value={siteId} />
      <TextField id="cs-min-on" name="minOnMinutes" label={t('settings.minOn')} inputMode="numeric" defaultValue={String(settings.minOnMinutes)} hint={t('settings.minOnHint')} />
      <TextField id="cs-min-off" name="minOffMinutes" label={t('settings.minOff')} inputMode="numeric" defaultValue={String(settings.minOffMinutes)} hint={t('settings.minOffHint')} />
      <TextField id="cs-levels" name="powerTargetPcts" label={t('settings.levels')} defaultValue={settings.powerTargetPcts.join(', ')} placeholder="80, 60" hint={t('settings.levelsHint')} />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
