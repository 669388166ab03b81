'use client';

import { useMemo, useState } from 'react';
import { computeEconomics, type EconomicsResult } from '@/lib/domain/mining/economics';
import { resolveEconomicsInput, type Resolved } from '@/lib/domain/mining/resolve-input';
import { calculatorFormSchema } from '@/lib/validation/calculator';
import { type FieldErrors, toFieldErrors } from '@/lib/core/field-errors';
import { type CalculatorBootstrap, type FormValues, initialValues } from './types';

export type CalcState = {
  values: FormValues;
  set: (name: string, value: string) => void;
  setMany: (patch: FormValues) => void;
  errors: FieldErrors;
  input: (Resolved & { ok: true })['input'] | null;
  result: EconomicsResult | null;
};

/**
 * The calculator's live state: every keystroke re-validates with the shared zod schema and, when
 * valid, recomputes with the pure domain functions in the browser — no round trip, so results
 * follow the typing. The model drop-down only pre-fills TH/s and W; the numbers sent are the fields.
 */
export function useCalculator(boot: CalculatorBootstrap): CalcState {
  const [values, setValues] = useState<FormValues>(() => initialValues(boot));
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  const setMany = (patch: FormValues) => setValues((v) => ({ ...v, ...patch }));

  const { errors, input, result } = useMemo(() => {
    const { modelId: _m, ...fields } = values;
    const parsed = calculatorFormSchema.safeParse(fields);
    if (!parsed.success) return { errors: toFieldErrors(parsed.error), input: null, result: null };
    const resolved = resolveEconomicsInput(parsed.data, new Map(), null);
    if (!resolved.ok) return { errors: resolved.fieldErrors as FieldErrors, input: null, result: null };
    return { errors: {}, input: resolved.input, result: computeEconomics(resolved.input) };
  }, [values]);

  return { values, set, setMany, errors, input, result };
}
