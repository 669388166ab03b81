'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { savePoolAccountAction } from '@/lib/actions/pool/save-pool-account';

export type EditableAccount = { id: string; label: string; userId: string; parentId: string | null; apiKey: string | null; hasSecret: boolean; workerPattern: string };

/**
 * Adds a pool account, or edits one. The secret field is write-only: it is never filled from the
 * server, and left blank on an edit it keeps the stored secret.
 */
export function AccountForm({ parents, account, onDone }: { parents: { id: string; label: string }[]; account?: EditableAccount; onDone?: () => void }) {
  const t = useTranslations('Pool');
  const form = useActionForm(savePoolAccountAction, { success: () => t('saved'), resetOnSuccess: true, onSuccess: () => onDone?.() });
  const p = account ? `edit-${account.id}-` : '';
  return (
    <ActionForm form={form} className="grid max-w-2xl gap-3 sm:grid-cols-2">
      {account ? <input type="hidden" name="id" value={account.id} /> : null}
      <TextField id={`${p}label`} name="label" label={t('label')} required maxLength={100} defaultValue={account?.label} />
      <TextField id={`${p}userId`} name="userId" label={t('userId')} required maxLength={100} defaultValue={account?.userId} autoComplete="off" />
      <SelectField
        id={`${p}parentId`}
        name="parentId"
        label={t('parent')}
        defaultValue={account?.parentId ?? ''}
        empty={t('noParent')}
        options={parents.filter((x) => x.id !== account?.id).map((x) => ({ id: x.id, name: x.label }))}
      />
      <TextField id={`${p}apiKey`} name="apiKey" label={t('apiKey')} maxLength={200} defaultValue={account?.apiKey ?? ''} autoComplete="off" />
      <TextField id={`${p}secret`} name="secret" label={t('apiSecret')} type="password" maxLength={200} autoComplete="new-password" placeholder={account?.hasSecret ? t('secretKeep') : undefined} />
      <TextField id={`${p}workerPattern`} name="workerPattern" label={t('workerPattern')} defaultValue={account?.workerPattern ?? '^[^.]+\\.(.+)$'} maxLength={200} />
      <div className="sm:col-span-2">
        <SubmitButton>{account ? t('saveChanges') : t('addAccount')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
