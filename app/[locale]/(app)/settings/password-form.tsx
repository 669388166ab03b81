'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { changePasswordAction } from '@/lib/actions/account/change-password';

const FIELDS = [
  { name: 'currentPassword', autoComplete: 'current-password' },
  { name: 'newPassword', autoComplete: 'new-password' },
  { name: 'confirmPassword', autoComplete: 'new-password' },
] as const;

export function PasswordForm() {
  const t = useTranslations('Settings');
  const form = useActionForm(changePasswordAction, { success: () => t('passwordSaved'), resetOnSuccess: true });
  return (
    <ActionForm form={form} className="flex max-w-md flex-col gap-4">
      {FIELDS.map(({ name, autoComplete }) => (
        <TextField key={name} name={name} label={t(name)} type="password" autoComplete={autoComplete} maxLength={200} />
      ))}
      <p className="-mt-2 text-xs text-muted">{t('passwordHint')}</p>
      <div>
        <SubmitButton>{t('changePassword')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
