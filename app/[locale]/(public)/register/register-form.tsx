'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextAreaField, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { registerLeadAction } from '@/lib/actions/crm/register-lead';
import { Link } from '@/lib/i18n/navigation';

export function RegisterForm({ locale, referralCode }: { locale: string; referralCode: string }) {
  const t = useTranslations('Crm.register');
  const form = useActionForm(registerLeadAction, { errors: { NOT_FOUND: t('closed') } });
  if (form.result?.ok) {
    return (
      <div role="status" className="grid gap-2 text-sm" data-testid="register-done">
        <p className="font-medium">{t('thanks')}</p>
        <p className="text-muted">{form.result.data.sent ? t('checkEmail') : t('weWillCall')}</p>
        <Link href="/" className="text-accent hover:underline">
          {t('home')}
        </Link>
      </div>
    );
  }
  return (
    <ActionForm form={form} className="grid gap-4">
      <input type="hidden" name="locale" value={locale} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t('name')} required maxLength={200} autoComplete="name" />
        <TextField name="company" label={t('company')} maxLength={200} autoComplete="organization" />
        <TextField name="email" type="email" label={t('email')} required maxLength={200} autoComplete="email" />
        <TextField name="phone" type="tel" label={t('phone')} maxLength={50} autoComplete="tel" />
      </div>
      <TextAreaField name="message" label={t('message')} hint={t('messageHint')} rows={3} maxLength={2000} />
      <TextField name="referralCode" label={t('referralCode')} maxLength={40} defaultValue={referralCode} autoComplete="off" />
      <SubmitButton>{t('submit')}</SubmitButton>
      <p className="text-xs text-muted">{t('noAccount')}</p>
    </ActionForm>
  );
}
