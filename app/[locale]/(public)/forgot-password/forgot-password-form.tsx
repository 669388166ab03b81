'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { requestPasswordResetAction } from '@/lib/actions/auth/request-password-reset';
import { Link } from '@/lib/i18n/navigation';

/** The same answer whether or not the e-mail has an account; only a missing mail server is said. */
export function ForgotPasswordForm() {
  const t = useTranslations('AccountLinks');
  const locale = useLocale();
  const [answer, setAnswer] = useState<{ mailConfigured: boolean } | null>(null);
  const form = useActionForm(requestPasswordResetAction, { onSuccess: setAnswer });
  if (answer) {
    return (
      <div role="status" className="flex flex-col gap-3">
        <p className="text-sm">{answer.mailConfigured ? t('forgotSent') : t('forgotNoMail')}</p>
        <Link href="/login" className="text-sm text-accent hover:underline">
          {t('toSignIn')}
        </Link>
      </div>
    );
  }
  return (
    <ActionForm form={form} className="flex flex-col gap-4">
      <input type="hidden" name="locale" value={locale} />
      <TextField name="email" type="email" label={t('email')} autoComplete="username" maxLength={200} />
      <SubmitButton>{t('sendLink')}</SubmitButton>
    </ActionForm>
  );
}
