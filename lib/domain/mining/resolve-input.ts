import type { EconomicsInput, PayoutScheme } from './economics';
import { impliedNetworkHashrateHs } from './revenue';

/*
 * Turns validated calculator fields (catalogue model or custom machine, network values given or not)
 * into the domain's EconomicsInput. Missing network values come from the snapshot passed in; a
 * difficulty given without a network hashrate uses the hashrate that difficulty implies, so the two
 * algorithms are compared on the user's own figure rather than on a mix of theirs and ours.
 */

export type ModelSpec = { name: string; hashrateThs: number; powerW: number };

export type NetworkDefaults = { btcPriceUsd: number; difficulty: number; networkHashrateHs: number; blockRewardBtc: number; feesPerBlockBtc: number };

export type CalculatorFields = {
  model?: string;
  hashrateThs?: number;
  powerW?: number;
  efficiencyJPerTh?: number;
  quantity: number;
  electricityUsdPerKwh: number;
  poolFeePct: number;
  payoutScheme: PayoutScheme;
  pplnsLuckPct: number;
  hostingFeeUsdPerUnitMonth: number;
  uptimePct: number;
  capexUsd: number;
  siteCostUsdPerKwh?: number;
  btcPriceUsd?: number;
  difficulty?: number;
  networkHashrateEhs?: number;
  blockRewardBtc?: number;
  feesPerBlockBtc?: number;
};

export type Resolved = { ok: true; input: EconomicsInput; model: ModelSpec | null } | { ok: false; fieldErrors: Record<string, 'invalid' | 'required'> };

export const modelIndex = (models: ModelSpec[]) => new Map(models.map((m) => [m.name.trim().toLowerCase(), m]));

export function resolveMachine(f: Pick<CalculatorFields, 'model' | 'hashrateThs' | 'powerW' | 'efficiencyJPerTh'>, models: Map<string, ModelSpec>) {
  const model = f.model ? (models.get(f.model.trim().toLowerCase()) ?? null) : null;
  if (f.model && !model) return null;
  const hashrateThs = f.hashrateThs ?? model!.hashrateThs;
  const powerW = f.powerW ?? (f.efficiencyJPerTh !== undefined ? hashrateThs * f.efficiencyJPerTh : model!.powerW);
  return { model, hashrateThs, powerW };
}

export function resolveEconomicsInput(f: CalculatorFields, models: Map<string, ModelSpec>, net: NetworkDefaults | null): Resolved {
  const machine = resolveMachine(f, models);
  if (!machine) return { ok: false, fieldErrors: { model: 'invalid' } };
  const missing: Record<string, 'required'> = {};
  const pick = (key: 'btcPriceUsd' | 'difficulty' | 'blockRewardBtc' | 'feesPerBlockBtc') => {
    const v = f[key] ?? net?.[key];
    if (v === undefined) missing[key] = 'required';
    return v ?? 0;
  };
  const btcPriceUsd = pick('btcPriceUsd');
  const difficulty = pick('difficulty');
  const blockRewardBtc = pick('blockRewardBtc');
  const feesPerBlockBtc = pick('feesPerBlockBtc');
  if (Object.keys(missing).length) return { ok: false, fieldErrors: missing };
  const networkHashrateHs =
    f.networkHashrateEhs !== undefined ? f.networkHashrateEhs * 1e18 : f.difficulty !== undefined || !net ? impliedNetworkHashrateHs(difficulty) : net.networkHashrateHs;
  return {
    ok: true,
    model: machine.model,
    input: {
      hashrateThs: machine.hashrateThs,
      powerW: machine.powerW,
      quantity: f.quantity,
      electricityUsdPerKwh: f.electricityUsdPerKwh,
      poolFeePct: f.poolFeePct,
      payoutScheme: f.payoutScheme,
      pplnsLuckPct: f.pplnsLuckPct,
      hostingFeeUsdPerUnitMonth: f.hostingFeeUsdPerUnitMonth,
      uptimePct: f.uptimePct,
      btcPriceUsd,
      difficulty,
      networkHashrateHs,
      blockRewardBtc,
      feesPerBlockBtc,
      capexUsd: f.capexUsd,
      siteCostUsdPerKwh: f.siteCostUsdPerKwh ?? null,
    },
  };
}
