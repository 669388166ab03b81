'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { saveMiningSettingsAction } from '@/lib/actions/alerts/save-mining-settings';
import { useRouter } from '@/lib/i18n/navigation';

type Values = { electricityUsdPerKwh: number; efficiencyJPerTh: number; hashrateThs: number };
const FIELDS = [
  { name: 'electricityUsdPerKwh', placeholder: '0.05' },
  { name: 'efficiencyJPerTh', placeholder: '17.5' },
  { name: 'hashrateThs', placeholder: '1000' },
] as const;

export function MiningSettingsForm({ initial }: { initial: Values | null }) {
  const t = useTranslations('MiningSettings');
  const tc = useTranslations('Common');
  const router = useRouter();
  const form = useActionForm(saveMiningSettingsAction, { success: () => t('saved'), onSuccess: () => router.refresh() });
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      {FIELDS.map((f) => (
        <TextField key={f.name} name={f.name} label={t(`fields.${f.name}`)} type="text" inputMode="decimal" defaultValue={initial ? String(initial[f.name]) : ''} placeholder={f.placeholder} autoComplete="off" />
      ))}
      <p className="text-xs text-muted">{t('hint')}</p>
      <div>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
