'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { CatalogueModel } from '@/components/calculator/types';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { addScenario, parseUsdCents, PRICE_BASES, type PriceBasis, pricePerThCents, type Scenario, unitPriceCents } from '@/lib/domain/mining/scenarios';
import { formatUsdFromCents } from '@/lib/format';
import { ModelOptions } from '@/components/calculator/model-options';
import { MAX_EXTRA_SCENARIOS } from './use-roi';

type Props = { models: CatalogueModel[]; scenarios: Scenario[]; current: Scenario[]; quantity: number | null; onChange: (s: Scenario[]) => void };

/**
 * "Add a model": a catalogue model and its price, per unit or per TH/s (converted once to a unit price
 * in cents); the same model at the same unit price is refused with a message, not drawn twice.
 */
export function ScenarioEditor({ models, scenarios, current, quantity, onChange }: Props) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  const [modelId, setModelId] = useState(() => String(models.find((m) => m.name === 'Antminer S21 XP')?.id ?? models[0]?.id ?? ''));
  const [basis, setBasis] = useState<PriceBasis>('unit');
  const [price, setPrice] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const usd = (cents: number | null) => formatUsdFromCents(cents, locale);
  const byId = (id: number) => models.find((m) => m.id === id);

  const add = () => {
    const m = byId(Number(modelId));
    const cents = parseUsdCents(price);
    if (!m) return;
    if (cents === null) return setMessage({ error: true, text: t('priceInvalid') });
    const next = { modelId: m.id, unitPriceCents: unitPriceCents(cents, basis, m.hashrateThs) };
    const r = addScenario(scenarios, next, MAX_EXTRA_SCENARIOS, current);
    if (!r.ok) return setMessage({ error: true, text: r.reason === 'duplicate' ? t('scenarioDuplicate', { model: m.name, price: usd(next.unitPriceCents) }) : t('scenarioFull', { max: MAX_EXTRA_SCENARIOS }) });
    onChange(r.scenarios);
    setPrice('');
    setMessage(null);
  };

  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-muted">{t('scenariosHint')}</p>
      {scenarios.length ? (
        <ul className="flex flex-col gap-2" aria-label={t('scenarios')} data-testid="roi-scenarios">
          {scenarios.map((s) => {
            const m = byId(s.modelId);
            return (
              <li key={`${s.modelId}-${s.unitPriceCents}`} className="flex items-start justify-between gap-2 rounded-md border border-line px-3 py-2 text-sm">
                <div className="min-w-0">
                  <div className="font-medium text-ink">{m?.name}</div>
                  <div className="text-xs text-muted tabular-nums">
                    {t('scenarioPrice', { unit: usd(s.unitPriceCents), perTh: usd(m ? pricePerThCents(s.unitPriceCents, m.hashrateThs) : null) })}
                    {quantity ? ` · ${t('scenarioCapex', { capex: usd(s.unitPriceCents * quantity), count: quantity })}` : null}
                  </div>
                </div>
                <Button type="button" variant="ghost" aria-label={t('removeScenarioNamed', { model: m?.name ?? '' })} onClick={() => onChange(scenarios.filter((x) => x !== s))}>
                  ✕
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <form
        noValidate
        className="grid grid-cols-2 gap-2 sm:grid-cols-[minmax(0,1fr)_8rem_8rem_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <div className="col-span-2 sm:col-span-1">
          <Field id="scenario-model" label={t('model')}>
            <Select id="scenario-model" value={modelId} onChange={(e) => setModelId(e.target.value)}>
              <ModelOptions models={models} />
            </Select>
          </Field>
        </div>
        <Field id="scenario-price" label={t('scenarioPriceLabel')}>
          <Input id="scenario-price" inputMode="decimal" autoComplete="off" value={price} invalid={message?.error && parseUsdCents(price) === null} onChange={(e) => setPrice(e.target.value)} />
        </Field>
        <Field id="scenario-basis" label={t('priceBasis')}>
          <Select id="scenario-basis" value={basis} onChange={(e) => setBasis(e.target.value as PriceBasis)}>
            {PRICE_BASES.map((b) => (
              <option key={b} value={b}>
                {t(`basis.${b}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="col-span-2 sm:col-span-1">
          <Button type="submit" variant="secondary" disabled={scenarios.length >= MAX_EXTRA_SCENARIOS || !models.length}>
            {t('addScenario')}
          </Button>
        </div>
      </form>
      {message ? (
        <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad" data-testid="scenario-message">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
