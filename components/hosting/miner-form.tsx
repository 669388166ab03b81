'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { createMinerAction } from '@/lib/actions/hosting/create-miner';
import { updateMinerAction } from '@/lib/actions/hosting/update-miner';
import { useRouter } from '@/lib/i18n/navigation';
import { MINER_STATUSES } from '@/lib/validation/hosting';

export type MinerFormValues = { id?: string; name: string; siteId: string; modelId: string; customerId: string; serial: string; ip: string; mac: string; worker: string; status: string };

/** Create and edit share one form; editing also moves a miner between sites and customers and sets its status. */
export function MinerForm({ initial, sites, models, customers }: { initial: MinerFormValues; sites: FieldOption[]; models: FieldOption[]; customers: FieldOption[] }) {
  const t = useTranslations('Miners');
  const tc = useTranslations('Common');
  const ts = useTranslations('Status');
  const router = useRouter();
  const form = useActionForm(initial.id ? updateMinerAction : createMinerAction, {
    success: () => t('saved'),
    errors: { CONFLICT: t('conflict') },
    conflictField: t('taken'),
    onSuccess: (r) => router.push(`/hosting/devices/${r.id}`),
  });
  return (
    <ActionForm form={form} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <TextField name="name" label={t('name')} defaultValue={initial.name} required maxLength={100} className="font-mono" />
      <SelectField name="status" label={t('status')} defaultValue={initial.status} options={MINER_STATUSES.map((s) => ({ id: s, name: ts(s) }))} />
      <SelectField name="siteId" label={t('site')} defaultValue={initial.siteId} empty="" options={sites} />
      <SelectField name="modelId" label={t('model')} defaultValue={initial.modelId} empty="" options={models} />
      <SelectField name="customerId" label={t('customer')} defaultValue={initial.customerId} empty={t('houseOwned')} options={customers} />
      <TextField name="serial" label={t('serial')} defaultValue={initial.serial} maxLength={64} />
      <TextField name="ip" label={t('ip')} defaultValue={initial.ip} inputMode="decimal" placeholder="10.20.0.15" />
      <TextField name="mac" label={t('mac')} defaultValue={initial.mac} placeholder="AA:BB:CC:DD:EE:FF" />
      <TextField name="worker" label={t('worker')} defaultValue={initial.worker} maxLength={128} />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
