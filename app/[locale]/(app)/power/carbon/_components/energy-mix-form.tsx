'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { FieldGroup, FormError, SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { saveEnergyMixAction } from '@/lib/actions/power/save-energy-mix';
import type { EnergySource } from '@/lib/domain/power/carbon';

/**
 * A new version of a site's energy mix in percent per source, from a future site-local day (`minDate`,
 * tomorrow there, by default): hours already aggregated keep the mix they had. The running sum shows
 * before saving (it must be 100).
 */
export function EnergyMixForm({ siteId, sources, shares, minDate }: { siteId: string; sources: EnergySource[]; shares: Partial<Record<EnergySource, number>>; minDate: string }) {
  const t = useTranslations('Power');
  const te = useTranslations('Energy');
  const tc = useTranslations('Common');
  const form = useActionForm(saveEnergyMixAction, { success: () => t('carbon.mixSaved') });
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(sources.map((s) => [s, shares[s] ? String(shares[s]) : ''])));
  const sum = Math.round(Object.values(values).reduce((a, v) => a + (Number(v) || 0), 0) * 100) / 100;
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <input type="hidden" name="siteId" value={siteId} />
      <FieldGroup id={`mix-${siteId}`} name="shares" legend={t('carbon.mixLegend')}>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {sources.map((s) => (
            <label key={s} className="flex flex-col gap-1 text-xs text-muted">
              {te(s)}
              <input
                name={`pct.${s}`}
                inputMode="decimal"
                value={values[s]}
                onChange={(e) => setValues((v) => ({ ...v, [s]: e.target.value }))}
                className="rounded border border-line bg-surface-2 px-2 py-1.5 text-sm text-ink"
                aria-label={t('carbon.sharePct', { source: te(s) })}
              />
            </label>
          ))}
        </div>
      </FieldGroup>
      <label className="flex max-w-xs flex-col gap-1 text-xs text-muted" htmlFor={`mix-from-${siteId}`}>
        {t('carbon.effectiveDate')}
        <input id={`mix-from-${siteId}`} name="effectiveDate" type="date" min={minDate} defaultValue={minDate} className="rounded border border-line bg-surface-2 px-2 py-1.5 text-sm text-ink" aria-describedby={`mix-from-hint-${siteId}`} />
        <span id={`mix-from-hint-${siteId}`}>{t('carbon.effectiveHint')}</span>
      </label>
      <p className={`text-sm tabular-nums ${sum === 100 ? 'text-muted' : 'text-warn'}`}>{t('carbon.mixSum', { sum })}</p>
      <FormError />
      <div>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
