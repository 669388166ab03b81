'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action';
import { createMinerAction } from '@/lib/actions/hosting/create-miner';
import { updateMinerAction } from '@/lib/actions/hosting/update-miner';
import { useRouter } from '@/lib/i18n/navigation';
import { MINER_STATUSES } from '@/lib/validation/hosting';

type Option = { id: string | number; name: string };
export type MinerFormValues = { id?: string; name: string; siteId: string; modelId: string; customerId: string; serial: string; ip: string; mac: string; worker: string; status: string };

/** Create and edit share one form; editing also moves a miner between sites and customers and sets its status. */
export function MinerForm({ initial, sites, models, customers }: { initial: MinerFormValues; sites: Option[]; models: Option[]; customers: Option[] }) {
  const t = useTranslations('Miners');
  const tc = useTranslations('Common');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const ts = useTranslations('Status');
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(initial.id ? updateMinerAction : createMinerAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const conflict = state && !state.ok && state.code === 'CONFLICT';
  const err = (f: string) => (fe[f] ? (conflict ? t('taken') : tv(fe[f])) : undefined);

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(t('saved'));
      router.push(`/hosting/devices/${state.data.id}`);
    } else toast.error(conflict ? t('conflict') : te(state.code));
  }, [state, t, te, router, conflict]);

  const text = (name: keyof MinerFormValues, label: string, extra: React.ComponentProps<'input'> = {}) => (
    <Field id={name} label={label} error={err(name)}>
      <Input id={name} name={name} defaultValue={initial[name]} invalid={Boolean(fe[name])} {...extra} />
    </Field>
  );
  const select = (name: keyof MinerFormValues, label: string, options: Option[], empty?: string) => (
    <Field id={name} label={label} error={err(name)}>
      <Select id={name} name={name} defaultValue={initial[name]} invalid={Boolean(fe[name])}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {text('name', t('name'), { required: true, maxLength: 100, className: 'font-mono' })}
      {select('status', t('status'), MINER_STATUSES.map((s) => ({ id: s, name: ts(s) })))}
      {select('siteId', t('site'), sites, '')}
      {select('modelId', t('model'), models, '')}
      {select('customerId', t('customer'), customers, t('houseOwned'))}
      {text('serial', t('serial'), { maxLength: 64 })}
      {text('ip', t('ip'), { inputMode: 'decimal', placeholder: '10.20.0.15' })}
      {text('mac', t('mac'), { placeholder: 'AA:BB:CC:DD:EE:FF' })}
      {text('worker', t('worker'), { maxLength: 128 })}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? tc('saving') : tc('save')}
        </Button>
      </div>
    </form>
  );
}
