'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { setDemandResponseAction } from '@/lib/actions/power/set-demand-response';
import { useRouter } from '@/lib/i18n/navigation';

type OptIn = { enabled: boolean; strategy: string; perMinute: number } | null;

/** A site's demand-response opt-in: whether a utility's call may curtail it, with which strategy and stagger. */
export function DemandResponseDialog({ site, optIn, strategies }: { site: { id: string; name: string }; optIn: OptIn; strategies: string[] }) {
  const t = useTranslations('CurtailmentAuto');
  return (
    <FormDialog title={t('dr.title', { site: site.name })} trigger={<Button variant="ghost">{t('edit')}</Button>}>
      {(close) => <DemandResponseForm site={site} optIn={optIn} strategies={strategies} onDone={close} />}
    </FormDialog>
  );
}

function DemandResponseForm({ site, optIn, strategies, onDone }: { site: { id: string }; optIn: OptIn; strategies: string[]; onDone: () => void }) {
  const t = useTranslations('CurtailmentAuto');
  const tc = useTranslations('Curtailment');
  const tCommon = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(setDemandResponseAction, {
    success: (r) => (r.enabled ? t('dr.optedIn') : t('dr.optedOut')),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <input type="hidden" name="siteId" value={site.id} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={optIn?.enabled ?? false} className="size-4 accent-[var(--color-accent)]" /> {t('dr.enabled')}
      </label>
      <SelectField id="dr-strategy" name="strategy" label={tc('strategy')} defaultValue={optIn?.strategy} options={strategies.map((s) => ({ id: s, name: tc(`strategies.${s}`) }))} />
      <TextField id="dr-per-minute" name="perMinute" label={tc('perMinute')} inputMode="numeric" defaultValue={String(optIn?.perMinute ?? 100)} />
      <p className="text-xs text-muted">{t('dr.hint')}</p>
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tCommon('saving')}>{tCommon('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
