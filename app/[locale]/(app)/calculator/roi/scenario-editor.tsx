'use client';

import { useTranslations } from 'next-intl';
import type { CatalogueModel } from '@/components/calculator/types';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { MAX_EXTRA_SCENARIOS, type Scenario } from './use-roi';

/** Up to three catalogue models, each with its own capex, compared with the current input. */
export function ScenarioEditor({ models, scenarios, onChange }: { models: CatalogueModel[]; scenarios: Scenario[]; onChange: (s: Scenario[]) => void }) {
  const t = useTranslations('Calculator');
  const update = (i: number, patch: Partial<Scenario>) => onChange(scenarios.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <div className="flex flex-col gap-2">
      <p className="text-xs text-muted">{t('scenariosHint')}</p>
      {scenarios.map((s, i) => (
        <div key={i} className="grid grid-cols-[1fr_8rem_auto] items-center gap-2">
          <Select aria-label={t('model')} value={s.modelId} onChange={(e) => update(i, { modelId: e.target.value })}>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
          <Input aria-label={t('capexUsd')} inputMode="decimal" value={s.capexUsd} invalid={!(Number(s.capexUsd) >= 0)} onChange={(e) => update(i, { capexUsd: e.target.value })} />
          <Button type="button" variant="ghost" aria-label={t('removeScenario')} onClick={() => onChange(scenarios.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </div>
      ))}
      {scenarios.length < MAX_EXTRA_SCENARIOS && models.length > 0 ? (
        <div>
          <Button type="button" variant="secondary" onClick={() => onChange([...scenarios, { modelId: String(models[0]!.id), capexUsd: '0' }])}>
            {t('addScenario')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
