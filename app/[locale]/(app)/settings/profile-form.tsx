'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { updateProfileAction } from '@/lib/actions/account/update-profile';

export function ProfileForm({ name, locale }: { name: string; locale: string }) {
  const t = useTranslations('Settings');
  const tc = useTranslations('Common');
  const form = useActionForm(updateProfileAction, { success: () => t('saved') });
  return (
    <ActionForm form={form} className="flex max-w-md flex-col gap-4">
      <TextField name="name" label={t('name')} defaultValue={name} maxLength={200} />
      <SelectField name="locale" label={t('locale')} defaultValue={locale}>
        <option value="en">English</option>
        <option value="zh">中文</option>
      </SelectField>
      <div>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
