'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { FieldGroup, FormError, SelectField, SubmitButton, TextAreaField, TextField } from '@/components/form/fields';
import { DialogActions, FormDialog } from '@/components/form/form-dialog';
import { useActionForm } from '@/components/form/use-action-form';
import { Button } from '@/components/ui/button';
import { saveTariffAction } from '@/lib/actions/power/save-tariff';
import { useRouter } from '@/lib/i18n/navigation';

type Period = { window: 'peak' | 'shoulder'; days: number[]; from: string; to: string };
type Season = { name: string; from: string; to: string; periods: Period[] };
export type TariffValues = { kind: 'flat' | 'tou'; ratesUsdPerKwh: Partial<Record<'flat' | 'peak' | 'shoulder' | 'off_peak', number>>; seasons: Season[]; holidays: string[]; demandUsdPerKw: number; fixedMonthlyUsd: number };

const DAYS = [0, 1, 2, 3, 4, 5, 6];
const WEEKDAYS = [1, 2, 3, 4, 5];
const newPeriod = (): Period => ({ window: 'peak', days: WEEKDAYS, from: '14:00', to: '20:00' });
const newSeason = (): Season => ({ name: '', from: '01-01', to: '12-31', periods: [newPeriod()] });

/**
 * A new version of a site's tariff (the same schema as `PUT …/rates`): flat, or time of use with
 * peak and shoulder periods per weekday in seasons (uncovered time and holidays are off-peak), a
 * demand charge and fixed monthly charges, from a local date. Pre-filled from the version in force.
 */
export function TariffDialog({ siteId, siteName, current, minDate }: { siteId: string; siteName: string; current: TariffValues | null; minDate: string }) {
  const t = useTranslations('Power.tariff');
  return (
    <FormDialog title={t('title', { site: siteName })} trigger={<Button variant="secondary" data-testid="new-tariff">{t('new')}</Button>}>
      {(close) => <TariffForm siteId={siteId} current={current} minDate={minDate} onDone={close} />}
    </FormDialog>
  );
}

function TariffForm({ siteId, current, minDate, onDone }: { siteId: string; current: TariffValues | null; minDate: string; onDone: () => void }) {
  const t = useTranslations('Power.tariff');
  const tw = useTranslations('Power.window');
  const tc = useTranslations('Common');
  const router = useRouter();
  const [kind, setKind] = useState<'flat' | 'tou'>(current?.kind ?? 'tou');
  const [seasons, setSeasons] = useState<Season[]>(current?.seasons.length ? current.seasons : [newSeason()]);
  const form = useActionForm(saveTariffAction, {
    success: () => t('saved'),
    onSuccess: () => {
      onDone();
      router.refresh();
    },
  });
  const rate = (w: 'flat' | 'peak' | 'shoulder' | 'off_peak') => (current?.ratesUsdPerKwh[w] === undefined ? '' : String(current.ratesUsdPerKwh[w]));
  const setSeason = (i: number, s: Partial<Season>) => setSeasons((all) => all.map((x, k) => (k === i ? { ...x, ...s } : x)));
  const setPeriod = (i: number, j: number, p: Partial<Period>) => setSeason(i, { periods: seasons[i]!.periods.map((x, k) => (k === j ? { ...x, ...p } : x)) });
  const dayName = (d: number) => t(`days.${d}` as 'days.0');
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <input type="hidden" name="siteId" value={siteId} />
      <input type="hidden" name="seasons" value={JSON.stringify(kind === 'tou' ? seasons : [])} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="tf-date" name="effectiveDate" label={t('effectiveDate')} type="date" defaultValue={minDate} hint={t('effectiveHint')} required />
        <SelectField id="tf-kind" name="kind" label={t('kind')} value={kind} onChange={(e) => setKind(e.target.value as 'flat' | 'tou')} options={[{ id: 'tou', name: t('kinds.tou') }, { id: 'flat', name: t('kinds.flat') }]} />
      </div>
      <FieldGroup id="tf-rates" name="ratesUsdPerKwh" legend={t('rates')}>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {kind === 'flat' ? (
            <TextField id="tf-rate-flat" name="ratesUsdPerKwh.flat" label={tw('flat')} inputMode="decimal" defaultValue={rate('flat')} required />
          ) : (
            (['peak', 'shoulder', 'off_peak'] as const).map((w) => <TextField key={w} id={`tf-rate-${w}`} name={`ratesUsdPerKwh.${w}`} label={tw(w)} inputMode="decimal" defaultValue={rate(w)} required={w === 'off_peak'} />)
          )}
        </div>
      </FieldGroup>
      {kind === 'tou' ? (
        <fieldset className="flex flex-col gap-3 rounded border border-line p-3">
          <legend className="px-1 text-sm font-medium">{t('seasons')}</legend>
          <p className="text-xs text-muted">{t('seasonsHint')}</p>
          {seasons.map((s, i) => (
            <div key={i} className="flex flex-col gap-2 border-t border-line pt-3 first:border-0 first:pt-0" data-testid="tariff-season">
              <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                <TextField id={`tf-s${i}-name`} name={`seasons.${i}.name`} label={t('seasonName')} value={s.name} onChange={(e) => setSeason(i, { name: e.target.value })} maxLength={60} />
                <TextField id={`tf-s${i}-from`} name={`seasons.${i}.from`} label={t('seasonFrom')} value={s.from} onChange={(e) => setSeason(i, { from: e.target.value })} placeholder="06-01" />
                <TextField id={`tf-s${i}-to`} name={`seasons.${i}.to`} label={t('seasonTo')} value={s.to} onChange={(e) => setSeason(i, { to: e.target.value })} placeholder="09-30" />
                <div className="flex items-end">
                  <Button type="button" variant="ghost" onClick={() => setSeasons((all) => all.filter((_, k) => k !== i))} aria-label={t('removeSeason', { n: i + 1 })}>
                    {t('remove')}
                  </Button>
                </div>
              </div>
              {s.periods.map((p, j) => (
                <div key={j} className="grid grid-cols-2 gap-2 rounded bg-surface-2 p-2 sm:grid-cols-4" data-testid="tariff-period">
                  <SelectField id={`tf-s${i}-p${j}-w`} name={`seasons.${i}.periods.${j}.window`} label={t('window')} value={p.window} onChange={(e) => setPeriod(i, j, { window: e.target.value as Period['window'] })} options={[{ id: 'peak', name: tw('peak') }, { id: 'shoulder', name: tw('shoulder') }]} />
                  <TextField id={`tf-s${i}-p${j}-from`} name={`seasons.${i}.periods.${j}.from`} label={t('from')} type="time" value={p.from} onChange={(e) => setPeriod(i, j, { from: e.target.value })} />
                  <TextField id={`tf-s${i}-p${j}-to`} name={`seasons.${i}.periods.${j}.to`} label={t('to')} type="time" value={p.to} onChange={(e) => setPeriod(i, j, { to: e.target.value })} hint={t('toHint')} />
                  <div className="flex items-end">
                    <Button type="button" variant="ghost" onClick={() => setSeason(i, { periods: s.periods.filter((_, k) => k !== j) })} aria-label={t('removePeriod', { n: j + 1 })}>
                      {t('remove')}
                    </Button>
                  </div>
                  <FieldGroup id={`tf-s${i}-p${j}-days`} name={`seasons.${i}.periods.${j}.days`} legend={t('days.legend')} className="col-span-2 sm:col-span-4">
                    <div className="flex flex-wrap gap-3">
                      {DAYS.map((d) => (
                        <label key={d} className="flex items-center gap-1 text-xs">
                          <input
                            type="checkbox"
                            checked={p.days.includes(d)}
                            onChange={(e) => setPeriod(i, j, { days: e.target.checked ? [...p.days, d].sort() : p.days.filter((x) => x !== d) })}
                            className="size-4 accent-[var(--color-accent)]"
                          />
                          {dayName(d)}
                        </label>
                      ))}
                    </div>
                  </FieldGroup>
                </div>
              ))}
              <div>
                <Button type="button" variant="ghost" onClick={() => setSeason(i, { periods: [...s.periods, newPeriod()] })}>
                  {t('addPeriod')}
                </Button>
              </div>
            </div>
          ))}
          <div>
            <Button type="button" variant="secondary" onClick={() => setSeasons((all) => [...all, newSeason()])}>
              {t('addSeason')}
            </Button>
          </div>
        </fieldset>
      ) : null}
      <TextAreaField id="tf-holidays" name="holidays" label={t('holidays')} defaultValue={current?.holidays.join('\n') ?? ''} rows={2} hint={t('holidaysHint')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id="tf-demand" name="demandUsdPerKw" label={t('demand')} inputMode="decimal" defaultValue={String(current?.demandUsdPerKw ?? 0)} />
        <TextField id="tf-fixed" name="fixedMonthlyUsd" label={t('fixed')} inputMode="decimal" defaultValue={String(current?.fixedMonthlyUsd ?? 0)} />
      </div>
      <p className="text-xs text-muted">{t('billedHint')}</p>
      <FormError />
      <DialogActions onCancel={onDone}>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </DialogActions>
    </ActionForm>
  );
}
