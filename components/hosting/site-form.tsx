'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action';
import { createSiteAction } from '@/lib/actions/hosting/create-site';
import { updateSiteAction } from '@/lib/actions/hosting/update-site';
import { useRouter } from '@/lib/i18n/navigation';
import { ENERGY_SOURCES } from '@/lib/validation/hosting';

export type SiteFormValues = { id?: string; name: string; location: string; timeZone: string; energySource: string; contractedKw: string; electricityUsdPerKwh: string; memberIds: string[] };
type Candidate = { membershipId: string; name: string; email: string; role: string };

export function SiteForm({ initial, candidates, timeZones }: { initial: SiteFormValues; candidates: Candidate[]; timeZones: string[] }) {
  const t = useTranslations('Sites');
  const tc = useTranslations('Common');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const tEnergy = useTranslations('Energy');
  const tRoles = useTranslations('Roles');
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(initial.id ? updateSiteAction : createSiteAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const conflict = state && !state.ok && state.code === 'CONFLICT';
  const err = (f: string) => (fe[f] ? (conflict && f === 'name' ? t('nameTaken') : tv(fe[f])) : undefined);

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(t('saved'));
      router.push('/hosting/sites');
    } else toast.error(conflict ? t('nameTaken') : te(state.code));
  }, [state, t, te, router, conflict]);

  const text = (name: Exclude<keyof SiteFormValues, 'memberIds' | 'id'>, label: string, extra: React.ComponentProps<'input'> = {}) => (
    <Field id={name} label={label} error={err(name)}>
      <Input id={name} name={name} defaultValue={initial[name]} invalid={Boolean(fe[name])} {...extra} />
    </Field>
  );

  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {text('name', t('name'), { maxLength: 100, required: true })}
      {text('location', t('location'), { maxLength: 200, required: true })}
      {text('timeZone', t('timeZone'), { list: 'iana-zones', placeholder: 'Asia/Shanghai', required: true })}
      <datalist id="iana-zones">
        {timeZones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <Field id="energySource" label={t('energy')} error={err('energySource')}>
        <Select id="energySource" name="energySource" defaultValue={initial.energySource} invalid={Boolean(fe.energySource)}>
          {ENERGY_SOURCES.map((e) => (
            <option key={e} value={e}>
              {tEnergy(e)}
            </option>
          ))}
        </Select>
      </Field>
      {text('contractedKw', t('contractedKw'), { inputMode: 'numeric', required: true })}
      {text('electricityUsdPerKwh', t('priceUsd'), { inputMode: 'decimal', placeholder: '0.05000', required: true })}
      <fieldset className="sm:col-span-2">
        <legend className="mb-2 text-sm text-muted">{t('members')}</legend>
        {candidates.length === 0 ? <p className="text-sm text-muted">{t('noCandidates')}</p> : null}
        <div className="grid gap-2 sm:grid-cols-2">
          {candidates.map((c) => (
            <label key={c.membershipId} className="flex items-center gap-2 rounded-md border border-line px-3 py-2 text-sm">
              <input type="checkbox" name="memberIds" value={c.membershipId} defaultChecked={initial.memberIds.includes(c.membershipId)} />
              <span className="truncate">
                {c.name} <span className="text-muted">· {tRoles(c.role)}</span>
              </span>
            </label>
          ))}
        </div>
        {fe.memberIds ? <p className="mt-1 text-xs text-bad">{tv(fe.memberIds)}</p> : null}
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? tc('saving') : tc('save')}
        </Button>
      </div>
    </form>
  );
}
