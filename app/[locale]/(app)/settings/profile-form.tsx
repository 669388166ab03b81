'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { updateProfileAction } from '@/lib/actions/account/update-profile';

export function ProfileForm({ name, locale }: { name: string; locale: string }) {
  const t = useTranslations('Settings');
  const tc = useTranslations('Common');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const [state, action, pending] = useActionState(updateProfileAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (!state) return;
    if (state.ok) toast.success(t('saved'));
    else toast.error(te(state.code));
  }, [state, t, te]);

  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <Field id="name" label={t('name')} error={fe.name ? tv(fe.name) : undefined}>
        <Input id="name" name="name" defaultValue={name} invalid={Boolean(fe.name)} maxLength={200} />
      </Field>
      <Field id="locale" label={t('locale')} error={fe.locale ? tv(fe.locale) : undefined}>
        <Select id="locale" name="locale" defaultValue={locale} invalid={Boolean(fe.locale)}>
          <option value="en">English</option>
          <option value="zh">中文</option>
        </Select>
      </Field>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tc('saving') : tc('save')}
        </Button>
      </div>
    </form>
  );
}
