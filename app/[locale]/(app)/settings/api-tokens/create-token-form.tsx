'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { NewSecret } from '@/components/form/new-secret';
import { useActionForm } from '@/components/form/use-action-form';
import { createApiTokenAction } from '@/lib/actions/api-tokens/create-api-token';

export function CreateTokenForm() {
  const t = useTranslations('ApiTokens');
  const form = useActionForm(createApiTokenAction, { errors: { CONFLICT: t('tooMany') }, resetOnSuccess: true });
  return (
    <div className="flex flex-col gap-4">
      <ActionForm form={form} className="flex max-w-md flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <TextField id="token-name" name="name" label={t('name')} maxLength={200} placeholder={t('namePlaceholder')} />
        </div>
        <SubmitButton>{t('createButton')}</SubmitButton>
      </ActionForm>
      {form.result?.ok ? <NewSecret testId="new-token" note={t('shownOnce', { name: form.result.data.name })} secret={form.result.data.token} /> : null}
    </div>
  );
}
