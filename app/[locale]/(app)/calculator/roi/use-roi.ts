'use client';

import { useMemo, useState } from 'react';
import type { CalculatorBootstrap } from '@/components/calculator/types';
import type { CalcState } from '@/components/calculator/use-calculator';
import { type FieldErrors, toFieldErrors } from '@/lib/core/field-errors';
import { FORECAST_CASES, type ForecastCase, forecastCoverage, forecastFactors, type RoiForecast } from '@/lib/domain/mining/forecast-scenario';
import { compareScenarios, projectRoi, estimateHeightAt, type RoiInput, type RoiResult, sensitivityGrid, type SensitivityCell, usdToCents } from '@/lib/domain/mining/roi';
import type { Scenario } from '@/lib/domain/mining/scenarios';
import { roiAssumptionsSchema } from '@/lib/validation/calculator';

export type RoiForecasts = { price: RoiForecast | null; difficulty: RoiForecast | null };
export type ForecastRun = { case: ForecastCase; result: RoiResult };
type ForecastOut = { runs: ForecastRun[]; coverage: { priceMonths: number; difficultyMonths: number } } | null;

export const MAX_EXTRA_SCENARIOS = 3;

/** A line's name: null for the current input, else the model at its unit price. */
export type ScenarioLabel = { name: string; unitPriceCents: number } | null;

/**
 * The ROI page's state on top of the calculator's: assumptions, up to three catalogue models (each at
 * its own unit price, times the input's quantity) compared with the current input, the switch-off
 * option, and the projections, all computed in the browser.
 */
export function useRoi(calc: CalcState, boot: CalculatorBootstrap, now: Date, forecasts: RoiForecasts) {
  const [values, setValues] = useState<Record<string, string>>({ months: '36', difficultyGrowthPctPerMonth: '3', priceGrowthPctPerMonth: '0' });
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [switchOff, setSwitchOff] = useState(false);
  const set = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));

  const out = useMemo(() => {
    const parsed = roiAssumptionsSchema.safeParse(values);
    const errors: FieldErrors = parsed.success ? {} : toFieldErrors(parsed.error);
    if (!parsed.success || !calc.input) return { errors, results: null as RoiResult[] | null, grid: null as SensitivityCell[][] | null, labels: [] as ScenarioLabel[], forecast: null as ForecastOut, base: null as RoiInput | null };
    const base: RoiInput = { economics: calc.input, ...parsed.data, blockHeight: estimateHeightAt(boot.snapshot.blockHeight, new Date(boot.snapshot.asOf), now), now, switchOffWhenUnprofitable: switchOff };
    const inputs: RoiInput[] = [base];
    const labels: ScenarioLabel[] = [null];
    for (const s of scenarios) {
      const m = boot.models.find((x) => x.id === s.modelId);
      if (!m) continue;
      inputs.push({ ...base, economics: { ...calc.input, hashrateThs: m.hashrateThs, powerW: m.powerW, capexUsd: (s.unitPriceCents * calc.input.quantity) / 100 } });
      labels.push({ name: m.name, unitPriceCents: s.unitPriceCents });
    }
    return { errors, results: compareScenarios(inputs), grid: sensitivityGrid(base), labels, forecast: forecastRuns(base, forecasts), base };
  }, [values, scenarios, switchOff, calc.input, boot, now, forecasts]);

  /** The current input as a scenario, when it is a catalogue model at its nominal figures, so adding it again is refused. */
  const current = useMemo((): Scenario[] => {
    const m = boot.models.find((x) => String(x.id) === calc.values.modelId);
    const input = calc.input;
    if (!m || !input || input.hashrateThs !== m.hashrateThs || input.powerW !== m.powerW) return [];
    return [{ modelId: m.id, unitPriceCents: usdToCents(input.capexUsd) / input.quantity }];
  }, [boot.models, calc.values.modelId, calc.input]);

  return { values, set, errors: out.errors, results: out.results, grid: out.grid, labels: out.labels, forecast: out.forecast, baseInput: out.base, scenarios, setScenarios, switchOff, setSwitchOff, current, quantity: calc.input?.quantity ?? null };
}

/** The current input under each forecast case; null when neither forecast reaches today. */
function forecastRuns(base: RoiInput, forecasts: RoiForecasts): ForecastOut {
  const scen = { price: forecasts.price, difficulty: forecasts.difficulty, now: base.now, blockHeight: base.blockHeight, months: base.months };
  const coverage = forecastCoverage(scen);
  if (!coverage.priceMonths && !coverage.difficultyMonths) return null;
  return { coverage, runs: FORECAST_CASES.map((c) => ({ case: c, result: projectRoi({ ...base, path: forecastFactors(scen, c) }) })) };
}
