import type { NetworkSnapshot } from '@/lib/domain/mining/network';

/** What a calculator page hands its client components: the catalogue and the current network values. */
export type CatalogueModel = { id: number; vendor: string; name: string; hashrateThs: number; powerW: number };
export type CalculatorBootstrap = { models: CatalogueModel[]; snapshot: NetworkSnapshot };

export type FormValues = Record<string, string>;

/** The form's starting values: the first catalogue model, typical terms, and the snapshot's network values. */
export function initialValues(boot: CalculatorBootstrap): FormValues {
  const m = boot.models.find((x) => x.name === 'Antminer S21') ?? boot.models[0];
  const s = boot.snapshot;
  return {
    modelId: m ? String(m.id) : 'custom',
    hashrateThs: m ? String(m.hashrateThs) : '',
    powerW: m ? String(m.powerW) : '',
    efficiencyJPerTh: '',
    quantity: '1',
    electricityUsdPerKwh: '0.05',
    poolFeePct: '2.5',
    payoutScheme: 'FPPS',
    pplnsLuckPct: '100',
    hostingFeeUsdPerUnitMonth: '0',
    uptimePct: '100',
    capexUsd: '0',
    siteCostUsdPerKwh: '',
    btcPriceUsd: String(s.btcPriceUsd),
    difficulty: String(s.difficulty),
    networkHashrateEhs: String(+(s.networkHashrateHs / 1e18).toPrecision(8)),
    blockRewardBtc: String(s.blockRewardBtc),
    // An input's editable value, not a display: rounded to the satoshi and unlocalised so it parses back.
    // eslint-disable-next-line no-restricted-syntax
    feesPerBlockBtc: String(+s.feesPerBlockBtc.toFixed(8)),
  };
}
