'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { NewSecret } from '@/components/form/new-secret';
import { useActionForm } from '@/components/form/use-action-form';
import { issueDeviceTokenAction } from '@/lib/actions/edge/issue-device-token';

export function IssueTokenForm({ sites }: { sites: { id: string; name: string }[] }) {
  const t = useTranslations('Edge');
  const form = useActionForm(issueDeviceTokenAction, { resetOnSuccess: true });
  return (
    <div className="flex flex-col gap-4">
      <ActionForm form={form} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <SelectField id="edge-site" name="siteId" label={t('site')} defaultValue="" empty={t('chooseSite')} options={sites} />
        <TextField id="edge-name" name="name" label={t('collectorName')} maxLength={80} placeholder={t('collectorNamePlaceholder')} />
        <SubmitButton>{t('issue')}</SubmitButton>
      </ActionForm>
      {form.result?.ok ? <NewSecret testId="new-device-token" note={t('shownOnce', { name: form.result.data.name })} secret={form.result.data.token} /> : null}
    </div>
  );
}
