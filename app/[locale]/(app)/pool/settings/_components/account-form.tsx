'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { savePoolAccountAction } from '@/lib/actions/pool/save-pool-account';

export type EditableAccount = { id: string; label: string; userId: string; parentId: string | null; apiKey: string | null; hasSecret: boolean; workerPattern: string };

/**
 * Adds a pool account, or edits one. The secret field is write-only: it is never filled from the
 * server, and left blank on an edit it keeps the stored secret.
 */
export function AccountForm({ parents, account, onDone }: { parents: { id: string; label: string }[]; account?: EditableAccount; onDone?: () => void }) {
  const t = useTranslations('Pool');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const [state, action, pending] = useActionState(savePoolAccountAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      toast.success(t('saved'));
      onDone?.();
    } else toast.error(te(state.code));
  }, [state, t, te, onDone]);
  const err = (k: string) => (fe[k] ? tv(fe[k]) : undefined);
  const p = account ? `edit-${account.id}-` : '';
  return (
    <form action={action} className="grid max-w-2xl gap-3 sm:grid-cols-2" noValidate>
      {account ? <input type="hidden" name="id" value={account.id} /> : null}
      <Field id={`${p}label`} label={t('label')} error={err('label')}>
        <Input id={`${p}label`} name="label" required maxLength={100} defaultValue={account?.label} invalid={Boolean(fe.label)} />
      </Field>
      <Field id={`${p}userId`} label={t('userId')} error={err('userId')}>
        <Input id={`${p}userId`} name="userId" required maxLength={100} defaultValue={account?.userId} invalid={Boolean(fe.userId)} autoComplete="off" />
      </Field>
      <Field id={`${p}parentId`} label={t('parent')} error={err('parentId')}>
        <Select id={`${p}parentId`} name="parentId" defaultValue={account?.parentId ?? ''}>
          <option value="">{t('noParent')}</option>
          {parents
            .filter((x) => x.id !== account?.id)
            .map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
        </Select>
      </Field>
      <Field id={`${p}apiKey`} label={t('apiKey')} error={err('apiKey')}>
        <Input id={`${p}apiKey`} name="apiKey" maxLength={200} defaultValue={account?.apiKey ?? ''} autoComplete="off" />
      </Field>
      <Field id={`${p}secret`} label={t('apiSecret')} error={err('secret')}>
        <Input id={`${p}secret`} name="secret" type="password" maxLength={200} autoComplete="new-password" placeholder={account?.hasSecret ? t('secretKeep') : undefined} />
      </Field>
      <Field id={`${p}workerPattern`} label={t('workerPattern')} error={err('workerPattern')}>
        <Input id={`${p}workerPattern`} name="workerPattern" defaultValue={account?.workerPattern ?? '^[^.]+\\.(.+)$'} maxLength={200} invalid={Boolean(fe.workerPattern)} />
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {account ? t('saveChanges') : t('addAccount')}
        </Button>
      </div>
    </form>
  );
}
