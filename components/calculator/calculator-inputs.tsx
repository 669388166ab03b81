'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { PAYOUT_SCHEMES } from '@/lib/domain/mining/economics';
import { ModelOptions } from './model-options';
import { NetworkSource } from './network-source';
import { NumField } from './num-field';
import type { CalculatorBootstrap } from './types';
import { initialValues } from './types';
import type { CalcState } from './use-calculator';

/** Every calculator input, grouped: machine, costs and terms, network (pre-filled, editable). */
export function CalculatorInputs({ calc, boot }: { calc: CalcState; boot: CalculatorBootstrap }) {
  const t = useTranslations('Calculator');
  const pickModel = (id: string) => {
    const m = boot.models.find((x) => String(x.id) === id);
    calc.setMany(m ? { modelId: id, hashrateThs: String(m.hashrateThs), powerW: String(m.powerW), efficiencyJPerTh: '' } : { modelId: 'custom' });
  };
  const resetNetwork = () => {
    const init = initialValues(boot);
    calc.setMany({ btcPriceUsd: init.btcPriceUsd!, difficulty: init.difficulty!, networkHashrateEhs: init.networkHashrateEhs!, blockRewardBtc: init.blockRewardBtc!, feesPerBlockBtc: init.feesPerBlockBtc! });
  };
  const group = 'grid grid-cols-1 gap-3 sm:grid-cols-2';
  return (
    <div className="flex flex-col gap-5">
      <fieldset className={group}>
        <legend className="mb-2 text-sm font-semibold text-ink">{t('machine')}</legend>
        <div className="sm:col-span-2">
          <Field id="modelId" label={t('model')}>
            <Select id="modelId" value={calc.values.modelId} onChange={(e) => pickModel(e.target.value)}>
              <option value="custom">{t('custom')}</option>
              <ModelOptions models={boot.models} />
            </Select>
          </Field>
        </div>
        <NumField calc={calc} name="hashrateThs" label={t('hashrateThs')} />
        <NumField calc={calc} name="powerW" label={t('powerW')} />
        <NumField calc={calc} name="efficiencyJPerTh" label={t('efficiencyJPerTh')} hint={t('efficiencyHint')} />
        <NumField calc={calc} name="quantity" label={t('quantity')} />
      </fieldset>
      <fieldset className={group}>
        <legend className="mb-2 text-sm font-semibold text-ink">{t('costs')}</legend>
        <NumField calc={calc} name="electricityUsdPerKwh" label={t('electricityUsdPerKwh')} />
        <NumField calc={calc} name="poolFeePct" label={t('poolFeePct')} />
        <Field id="payoutScheme" label={t('payoutScheme')}>
          <Select id="payoutScheme" value={calc.values.payoutScheme} onChange={(e) => calc.set('payoutScheme', e.target.value)}>
            {PAYOUT_SCHEMES.map((s) => (
              <option key={s} value={s}>
                {t(`scheme.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        {calc.values.payoutScheme === 'PPLNS' ? <NumField calc={calc} name="pplnsLuckPct" label={t('pplnsLuckPct')} /> : null}
        <NumField calc={calc} name="hostingFeeUsdPerUnitMonth" label={t('hostingFee')} />
        <NumField calc={calc} name="uptimePct" label={t('uptimePct')} />
        <NumField calc={calc} name="capexUsd" label={t('capexUsd')} />
        <NumField calc={calc} name="siteCostUsdPerKwh" label={t('siteCostUsdPerKwh')} hint={t('hostingModeHint')} />
      </fieldset>
      <fieldset className={group}>
        <legend className="mb-2 text-sm font-semibold text-ink">{t('network')}</legend>
        <div className="sm:col-span-2">
          <NetworkSource snapshot={boot.snapshot} />
        </div>
        <NumField calc={calc} name="btcPriceUsd" label={t('btcPriceUsd')} />
        <NumField calc={calc} name="difficulty" label={t('difficulty')} />
        <NumField calc={calc} name="networkHashrateEhs" label={t('networkHashrateEhs')} />
        <NumField calc={calc} name="blockRewardBtc" label={t('blockRewardBtc')} />
        <NumField calc={calc} name="feesPerBlockBtc" label={t('feesPerBlockBtc')} />
        <div className="flex items-end">
          <Button type="button" variant="secondary" onClick={resetNetwork}>
            {t('resetNetwork')}
          </Button>
        </div>
      </fieldset>
    </div>
  );
}
