import { MINER_MODEL_CATALOGUE } from '@/db/seed/miner-models';
import { parseBatchText } from '@/lib/calculator/batch-file';
import { type BatchRow, computeBatch } from '@/lib/domain/mining/batch';
import { computeEconomics, type EconomicsInput } from '@/lib/domain/mining/economics';
import { impliedNetworkHashrateHs } from '@/lib/domain/mining/revenue';
import { modelIndex } from '@/lib/domain/mining/resolve-input';
import { projectRoi, sensitivityGrid } from '@/lib/domain/mining/roi';
import { time } from './timing';

// Fixed, plausible network values for timing only (the figures themselves are not reported).
const difficulty = 1.2e14;
const network = { btcPriceUsd: 90_000, difficulty, networkHashrateHs: impliedNetworkHashrateHs(difficulty), blockRewardBtc: 3.125, feesPerBlockBtc: 0.03 };
const models = modelIndex(MINER_MODEL_CATALOGUE.map((m) => ({ name: m.name, hashrateThs: m.hashrateThs, powerW: m.powerW })));
const shared = { poolFeePct: 2.5, payoutScheme: 'FPPS' as const, uptimePct: 98, hostingFeeUsdPerUnitMonth: 0, network };

function rows(n: number): BatchRow[] {
  return Array.from({ length: n }, (_, i) => ({ row: i + 2, model: MINER_MODEL_CATALOGUE[i % MINER_MODEL_CATALOGUE.length]!.name, quantity: 1 + (i % 50), electricityUsdPerKwh: 0.03 + (i % 7) * 0.01 }));
}

/** Domain-layer speed of the calculator: one calculation, a 10,000-row batch (target < 200 ms), parsing, ROI. */
export async function benchCalculator() {
  const batch = rows(10_000);
  const csv = ['model,quantity,electricity_price', ...batch.map((r) => `${r.model},${r.quantity},${r.electricityUsdPerKwh}`)].join('\n');
  const one: EconomicsInput = { hashrateThs: 200, powerW: 3500, quantity: 10, electricityUsdPerKwh: 0.05, poolFeePct: 2.5, payoutScheme: 'FPPS', hostingFeeUsdPerUnitMonth: 0, uptimePct: 100, capexUsd: 30_000, ...network };
  const roi = { economics: one, months: 60, difficultyGrowthPctPerMonth: 3, priceGrowthPctPerMonth: 1, blockHeight: 925_000, now: new Date('2026-01-01T00:00:00Z') };
  return [
    { case: 'calculator: one calculation', ...(await time(() => computeEconomics(one), 2000)) },
    { case: 'batch: compute 10,000 rows', ...(await time(() => computeBatch(batch, models, shared), 20)) },
    { case: 'batch: parse+validate+compute 10,000 CSV rows', ...(await time(() => { const p = parseBatchText(csv); if (p.ok) computeBatch(p.rows, models, shared); }, 10)) },
    { case: 'roi: 60 months + 5×5 sensitivity grid', ...(await time(() => sensitivityGrid(roi) && projectRoi(roi), 50)) },
  ];
}
