'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { changePasswordAction } from '@/lib/actions/account/change-password';

const FIELDS = [
  { name: 'currentPassword', autoComplete: 'current-password' },
  { name: 'newPassword', autoComplete: 'new-password' },
  { name: 'confirmPassword', autoComplete: 'new-password' },
] as const;

export function PasswordForm() {
  const t = useTranslations('Settings');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state) return;
    if (state.ok) toast.success(t('passwordSaved'));
    else toast.error(te(state.code));
  }, [state, t, te]);

  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      {FIELDS.map(({ name, autoComplete }) => (
        <Field key={name} id={name} label={t(name)} error={fe[name] ? tv(fe[name]) : undefined}>
          <Input id={name} name={name} type="password" autoComplete={autoComplete} invalid={Boolean(fe[name])} maxLength={200} />
        </Field>
      ))}
      <p className="-mt-2 text-xs text-muted">{t('passwordHint')}</p>
      <div>
        <Button type="submit" disabled={pending}>
          {t('changePassword')}
        </Button>
      </div>
    </form>
  );
}
