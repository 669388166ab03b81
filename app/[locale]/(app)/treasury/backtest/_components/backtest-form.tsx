import { getTranslations } from 'next-intl/server';
import { Field, Input, Select } from '@/components/ui/field';
import { buttonClass } from '@/components/ui/button';
import type { FleetLine } from '@/lib/domain/treasury/backtest-input';
import { PERIODS, STRATEGY_KINDS } from '@/lib/domain/treasury/strategies';
import { BACKTEST_FORM_DEFAULTS as F } from '@/lib/validation/treasury-backtest';

/**
 * The backtest's inputs as a plain GET form: a result is a link, the export links reuse the query,
 * and it works from the keyboard with no script. `values` are what the user sent (strings).
 */
export async function BacktestForm({ values, fleet, errors }: { values: Record<string, string | string[] | undefined>; fleet: FleetLine[]; errors: Record<string, string> }) {
  const t = await getTranslations('TreasuryBacktest');
  const te = await getTranslations('Validation');
  const v = (k: keyof typeof F) => {
    const x = values[k];
    return typeof x === 'string' ? x : F[k];
  };
  const chosen = values.t === undefined ? [...STRATEGY_KINDS] : [values.t].flat();
  const counts = [values.n ?? []].flat();
  const err = (k: string) => (errors[k] ? te(errors[k] as 'invalid') : undefined);
  const num = (k: keyof typeof F, label: string, hint?: string) => (
    <Field id={`bt-${k}`} label={label} error={err(k)} hint={hint}>
      <Input id={`bt-${k}`} name={k} inputMode={k === 'ladder' || k === 'layers' ? 'text' : 'decimal'} defaultValue={v(k)} invalid={!!errors[k]} />
    </Field>
  );
  const every = (k: 'dcaBtcEvery' | 'dcaUsdEvery') => (
    <Field id={`bt-${k}`} label={t('every')}>
      <Select id={`bt-${k}`} name={k} defaultValue={v(k)}>
        {PERIODS.map((p) => (
          <option key={p} value={p}>
            {t(`period.${p}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form method="get" className="space-y-4" data-testid="backtest-form">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Field id="bt-from" label={t('from')} error={err('from')}>
          <Input id="bt-from" name="from" type="date" defaultValue={v('from')} invalid={!!errors.from} />
        </Field>
        <Field id="bt-to" label={t('to')} error={err('to')}>
          <Input id="bt-to" name="to" type="date" defaultValue={v('to')} invalid={!!errors.to} />
        </Field>
        {num('startCash', t('startCash'), t('startCashHint'))}
        {num('startBtc', t('startBtc'))}
        {num('fee', t('fee'))}
        {num('slip', t('slip'))}
        {num('poolFee', t('poolFee'))}
        {num('uptime', t('uptime'))}
        {num('other', t('other'))}
        <Field id="bt-production" label={t('productionSource')}>
          <Select id="bt-production" name="production" defaultValue={v('production')}>
            <option value="model">{t('productionModel')}</option>
            <option value="pool">{t('productionPool')}</option>
          </Select>
        </Field>
      </div>
      <fieldset>
        <legend className="mb-2 text-sm text-muted">{t('fleet')}</legend>
        {fleet.length ? (
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {fleet.map((f, i) => (
              <Field key={f.model} id={`bt-n-${i}`} label={t('fleetLine', { model: f.model, ths: Math.round(f.hashrateThs), w: Math.round(f.powerW) })}>
                <Input id={`bt-n-${i}`} name="n" inputMode="numeric" defaultValue={counts[i] ?? String(f.count)} />
              </Field>
            ))}
          </div>
        ) : (
          <p className="text-sm text-muted">{t('noFleet')}</p>
        )}
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm text-muted">{t('templates')}</legend>
        {errors.t ? (
          <p className="mb-2 text-xs text-bad" role="alert">
            {te(errors.t as 'required')}
          </p>
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {STRATEGY_KINDS.map((k) => (
            <div key={k} className="rounded-md border border-line p-3">
              <label className="flex items-center gap-2 text-sm font-medium">
                <input type="checkbox" name="t" value={k} defaultChecked={chosen.includes(k)} className="accent-[#f7931a]" />
                {t(`kind.${k}`)}
              </label>
              <p className="mb-2 mt-1 text-xs text-muted">{t(`rule.${k}`)}</p>
              <div className="grid grid-cols-2 gap-2">
                {k === 'dcaBtc' ? (
                  <>
                    {num('dcaBtc', t('dcaBtcAmount'))}
                    {every('dcaBtcEvery')}
                  </>
                ) : null}
                {k === 'dcaUsd' ? (
                  <>
                    {num('dcaUsd', t('dcaUsdAmount'))}
                    {every('dcaUsdEvery')}
                  </>
                ) : null}
                {k === 'coverOpex' ? num('buffer', t('buffer')) : null}
                {k === 'priceLadder' ? <div className="col-span-2">{num('ladder', t('ladder'), t('ladderHint'))}</div> : null}
                {k === 'aboveCost' ? <div className="col-span-2">{num('layers', t('layers'), t('layersHint'))}</div> : null}
                {k === 'hashprice' ? (
                  <>
                    {num('hpThreshold', t('hpThreshold'))}
                    <Field id="bt-hpDir" label={t('hpDir')}>
                      <Select id="bt-hpDir" name="hpDir" defaultValue={v('hpDir')}>
                        <option value="above">{t('above')}</option>
                        <option value="below">{t('below')}</option>
                      </Select>
                    </Field>
                    {num('hpSell', t('hpSell'))}
                  </>
                ) : null}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className={buttonClass('primary')}>
        {t('run')}
      </button>
    </form>
  );
}
