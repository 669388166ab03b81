'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { FormError, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { acceptInviteAction } from '@/lib/actions/auth/accept-invite';
import { resetPasswordAction } from '@/lib/actions/auth/reset-password';
import { Link } from '@/lib/i18n/navigation';

const ACTIONS = { invite: acceptInviteAction, reset: resetPasswordAction };

/** Chooses a password from a one-time link (invitation or reset); then the person signs in with it. */
export function SetPasswordForm({ kind, token }: { kind: 'invite' | 'reset'; token: string }) {
  const t = useTranslations('AccountLinks');
  const [done, setDone] = useState(false);
  const form = useActionForm(ACTIONS[kind], { onSuccess: () => setDone(true) });
  if (done) {
    return (
      <div role="status" className="flex flex-col gap-3" data-testid="password-set">
        <p className="text-sm">{kind === 'invite' ? t('inviteDone') : t('resetDone')}</p>
        <Link href="/login" className="text-sm text-accent hover:underline">
          {t('toSignIn')}
        </Link>
      </div>
    );
  }
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <FormError />
      <input type="hidden" name="token" value={token} />
      <TextField name="password" type="password" label={t('newPassword')} hint={t('passwordHint')} autoComplete="new-password" maxLength={200} />
      <TextField name="confirmPassword" type="password" label={t('confirmPassword')} autoComplete="new-password" maxLength={200} />
      <SubmitButton>{kind === 'invite' ? t('createAccount') : t('setPassword')}</SubmitButton>
    </ActionForm>
  );
}
