'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { FieldGroup, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { createSiteAction } from '@/lib/actions/hosting/create-site';
import { updateSiteAction } from '@/lib/actions/hosting/update-site';
import { useRouter } from '@/lib/i18n/navigation';
import { ENERGY_SOURCES } from '@/lib/validation/hosting';

export type SiteFormValues = { id?: string; name: string; location: string; timeZone: string; energySource: string; contractedKw: string; electricityUsdPerKwh: string; clientUsdPerKwh: string; memberIds: string[] };
type Candidate = { membershipId: string; name: string; email: string; role: string };

export function SiteForm({ initial, candidates, timeZones }: { initial: SiteFormValues; candidates: Candidate[]; timeZones: string[] }) {
  const t = useTranslations('Sites');
  const tc = useTranslations('Common');
  const tEnergy = useTranslations('Energy');
  const tRoles = useTranslations('Roles');
  const router = useRouter();
  const form = useActionForm(initial.id ? updateSiteAction : createSiteAction, {
    success: () => t('saved'),
    errors: { CONFLICT: t('nameTaken') },
    onSuccess: () => router.push('/hosting/sites'),
  });
  return (
    <ActionForm form={form} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <TextField name="name" label={t('name')} defaultValue={initial.name} maxLength={100} required />
      <TextField name="location" label={t('location')} defaultValue={initial.location} maxLength={200} required />
      <TextField name="timeZone" label={t('timeZone')} defaultValue={initial.timeZone} list="iana-zones" placeholder="Asia/Shanghai" required />
      <datalist id="iana-zones">
        {timeZones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <SelectField name="energySource" label={t('energy')} defaultValue={initial.energySource} options={ENERGY_SOURCES.map((e) => ({ id: e, name: tEnergy(e) }))} />
      <TextField name="contractedKw" label={t('contractedKw')} defaultValue={initial.contractedKw} inputMode="numeric" required />
      <TextField name="electricityUsdPerKwh" label={t('priceUsd')} defaultValue={initial.electricityUsdPerKwh} inputMode="decimal" placeholder="0.05000" required />
      <TextField name="clientUsdPerKwh" label={t('clientPriceUsd')} hint={t('clientPriceHint')} defaultValue={initial.clientUsdPerKwh} inputMode="decimal" placeholder="0.06500" />
      <FieldGroup name="memberIds" legend={t('members')} className="sm:col-span-2">
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
      </FieldGroup>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
