'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { savePoolAccountAction } from '@/lib/actions/pool/save-pool-account';

/** Adds a pool account. The secret field is write-only: it is never filled from the server. */
export function AccountForm({ parents }: { parents: { id: string; label: string }[] }) {
  const t = useTranslations('Pool');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const [state, action, pending] = useActionState(savePoolAccountAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  useEffect(() => {
    if (!state) return;
    if (state.ok) toast.success(t('saved'));
    else toast.error(te(state.code));
  }, [state, t, te]);
  const err = (k: string) => (fe[k] ? tv(fe[k]) : undefined);
  return (
    <form action={action} className="grid max-w-2xl gap-3 sm:grid-cols-2" noValidate>
      <Field id="label" label={t('label')} error={err('label')}>
        <Input id="label" name="label" required maxLength={100} invalid={Boolean(fe.label)} />
      </Field>
      <Field id="userId" label={t('userId')} error={err('userId')}>
        <Input id="userId" name="userId" required maxLength={100} invalid={Boolean(fe.userId)} autoComplete="off" />
      </Field>
      <Field id="parentId" label={t('parent')} error={err('parentId')}>
        <Select id="parentId" name="parentId" defaultValue="">
          <option value="">{t('noParent')}</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="apiKey" label={t('apiKey')} error={err('apiKey')}>
        <Input id="apiKey" name="apiKey" maxLength={200} autoComplete="off" />
      </Field>
      <Field id="secret" label={t('apiSecret')} error={err('secret')}>
        <Input id="secret" name="secret" type="password" maxLength={200} autoComplete="new-password" />
      </Field>
      <Field id="workerPattern" label={t('workerPattern')} error={err('workerPattern')}>
        <Input id="workerPattern" name="workerPattern" defaultValue="^[^.]+\.(.+)$" maxLength={200} invalid={Boolean(fe.workerPattern)} />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t('addAccount')}
        </Button>
      </div>
    </form>
  );
}
