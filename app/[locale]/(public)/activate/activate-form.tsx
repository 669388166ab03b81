'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { activateAccountAction } from '@/lib/actions/auth/activate-account';
import { Link } from '@/lib/i18n/navigation';

export function ActivateForm({ token }: { token: string }) {
  const t = useTranslations('Crm.activate');
  const form = useActionForm(activateAccountAction, {});
  if (form.result?.ok) {
    return (
      <div role="status" className="grid gap-2 text-sm" data-testid="activate-done">
        <p className="font-medium">{t('done')}</p>
        <Link href="/login" className="text-accent hover:underline">
          {t('signIn')}
        </Link>
      </div>
    );
  }
  return (
    <ActionForm form={form} className="grid gap-4">
      <input type="hidden" name="token" value={token} />
      <TextField name="newPassword" type="password" label={t('password')} hint={t('passwordHint')} required minLength={10} maxLength={200} autoComplete="new-password" />
      <TextField name="confirmPassword" type="password" label={t('confirm')} required maxLength={200} autoComplete="new-password" />
      <SubmitButton>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
