'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { startCurtailmentAction } from '@/lib/actions/power/start-curtailment';

export function StartCurtailmentForm({ sites, strategies }: { sites: { id: string; name: string }[]; strategies: string[] }) {
  const t = useTranslations('Curtailment');
  const router = useRouter();
  const form = useActionForm(startCurtailmentAction, { success: (r) => t('started', { miners: r.miners, kw: Math.round(r.plannedShedW / 1000) }), onSuccess: () => router.refresh() });
  return (
    <ActionForm form={form} className="grid gap-3 sm:grid-cols-3">
      <SelectField id="ct-site" name="siteId" label={t('site')} options={sites} error={form.errors.siteId} />
      <SelectField id="ct-strategy" name="strategy" label={t('strategy')} options={strategies.map((s) => ({ id: s, name: t(`strategies.${s}`) }))} error={form.errors.strategy} />
      <SelectField id="ct-kind" name="targetKind" label={t('targetKind')} options={[{ id: 'reduction', name: t('kind.reduction') }, { id: 'cap', name: t('kind.cap') }]} error={form.errors.targetKind} />
      <TextField id="ct-kw" name="targetKw" label={t('targetKw')} inputMode="decimal" required error={form.errors.targetKw} />
      <TextField id="ct-per-minute" name="perMinute" label={t('perMinute')} inputMode="numeric" defaultValue="100" error={form.errors.perMinute} />
      <TextField id="ct-duration" name="durationMin" label={t('durationMin')} hint={t('durationHint')} inputMode="numeric" error={form.errors.durationMin} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="emergency" /> {t('emergency')}
      </label>
      <div className="sm:col-span-2">
        <SubmitButton>{t('start')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
