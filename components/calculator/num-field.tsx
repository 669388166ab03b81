'use client';

import { useTranslations } from 'next-intl';
import { Field, Input } from '@/components/ui/field';
import type { CalcState } from './use-calculator';

/** A numeric text field bound to the calculator state, with its translated error under it. */
export function NumField({ calc, name, label, hint }: { calc: Pick<CalcState, 'values' | 'set' | 'errors'>; name: string; label: string; hint?: string }) {
  const tv = useTranslations('Validation');
  const error = calc.errors[name];
  return (
    <Field id={name} label={hint ? `${label} (${hint})` : label} error={error ? tv(error) : undefined}>
      <Input id={name} name={name} inputMode="decimal" autoComplete="off" value={calc.values[name] ?? ''} invalid={Boolean(error)} onChange={(e) => calc.set(name, e.target.value)} />
    </Field>
  );
}
