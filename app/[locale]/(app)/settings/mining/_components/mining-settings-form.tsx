'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, startTransition, useActionState, useEffect } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { saveMiningSettingsAction } from '@/lib/actions/alerts/save-mining-settings';
import { useRouter } from '@/lib/i18n/navigation';

type Values = { electricityUsdPerKwh: number; efficiencyJPerTh: number; hashrateThs: number };
const FIELDS = [
  { name: 'electricityUsdPerKwh', step: '0.001', placeholder: '0.05' },
  { name: 'efficiencyJPerTh', step: '0.1', placeholder: '17.5' },
  { name: 'hashrateThs', step: 'any', placeholder: '1000' },
] as const;

export function MiningSettingsForm({ initial }: { initial: Values | null }) {
  const t = useTranslations('MiningSettings');
  const tc = useTranslations('Common');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const router = useRouter();
  const [state, action, pending] = useActionState(saveMiningSettingsAction, null);
  // Submitting through the transition (not <form action>) keeps what the user typed when a field is refused.
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(t('saved'));
      router.refresh();
    } else toast.error(te(state.code));
  }, [state, t, te, router]);

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {FIELDS.map((f) => (
        <Field key={f.name} id={f.name} label={t(`fields.${f.name}`)} error={fe[f.name] ? tv(fe[f.name]!) : undefined}>
          <Input id={f.name} name={f.name} type="text" inputMode="decimal" defaultValue={initial ? String(initial[f.name]) : ''} placeholder={f.placeholder} invalid={Boolean(fe[f.name])} autoComplete="off" />
        </Field>
      ))}
      <p className="text-xs text-muted">{t('hint')}</p>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tc('saving') : tc('save')}
        </Button>
      </div>
    </form>
  );
}
