'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { testPoolConnectionAction } from '@/lib/actions/pool/test-pool-connection';

export function TestButton({ id }: { id: string }) {
  const t = useTranslations('Pool');
  const form = useActionForm(testPoolConnectionAction, { success: (r) => (r.ok ? t('testOk') : { tone: 'error', text: t('testFailed', { reason: r.message }) }) });
  return (
    <ActionForm form={form}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel={t('testing')}>
        {t('testConnection')}
      </SubmitButton>
    </ActionForm>
  );
}
