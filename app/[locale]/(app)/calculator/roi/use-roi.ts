'use client';

import { useMemo, useState } from 'react';
import type { CalculatorBootstrap } from '@/components/calculator/types';
import type { CalcState } from '@/components/calculator/use-calculator';
import { compareScenarios, estimateHeightAt, type RoiInput, type RoiResult, sensitivityGrid, type SensitivityCell } from '@/lib/domain/mining/roi';
import { roiAssumptionsSchema } from '@/lib/validation/calculator';
import { type FieldErrors, toFieldErrors } from '@/lib/core/field-errors';

export type Scenario = { modelId: string; capexUsd: string };
export const MAX_EXTRA_SCENARIOS = 3;

/**
 * The ROI page's state on top of the calculator's: assumptions, up to three extra models (each with
 * its own capex) compared with the current input, and the projections, all computed in the browser.
 */
export function useRoi(calc: CalcState, boot: CalculatorBootstrap, now: Date) {
  const [values, setValues] = useState<Record<string, string>>({ months: '36', difficultyGrowthPctPerMonth: '3', priceGrowthPctPerMonth: '0' });
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));

  const out = useMemo(() => {
    const parsed = roiAssumptionsSchema.safeParse(values);
    const errors: FieldErrors = parsed.success ? {} : toFieldErrors(parsed.error);
    if (!parsed.success || !calc.input) return { errors, results: null as RoiResult[] | null, grid: null as SensitivityCell[][] | null, labels: [] as string[] };
    const base: RoiInput = { economics: calc.input, ...parsed.data, blockHeight: estimateHeightAt(boot.snapshot.blockHeight, new Date(boot.snapshot.asOf), now), now };
    const inputs: RoiInput[] = [base];
    const labels = ['current'];
    for (const s of scenarios) {
      const m = boot.models.find((x) => String(x.id) === s.modelId);
      const capex = Number(s.capexUsd);
      if (!m || !Number.isFinite(capex) || capex < 0) continue;
      inputs.push({ ...base, economics: { ...calc.input, hashrateThs: m.hashrateThs, powerW: m.powerW, capexUsd: capex } });
      labels.push(m.name);
    }
    return { errors, results: compareScenarios(inputs), grid: sensitivityGrid(base), labels };
  }, [values, scenarios, calc.input, boot, now]);

  return { values, set, errors: out.errors, results: out.results, grid: out.grid, labels: out.labels, scenarios, setScenarios };
}
