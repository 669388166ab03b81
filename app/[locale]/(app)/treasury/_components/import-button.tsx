'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { importPayoutsAction } from '@/lib/actions/treasury/import-payouts';

/** Imports the pool's payouts not yet in the ledger; says how many came in and how many lacked a wallet. */
export function ImportButton() {
  const t = useTranslations('Treasury.import');
  const form = useActionForm(importPayoutsAction, { success: (r) => t('done', { imported: r.imported, skipped: r.skippedNoWallet }) });
  return (
    <ActionForm form={form}>
      <SubmitButton variant="secondary" pending={form.pending}>
        {t('button')}
      </SubmitButton>
    </ActionForm>
  );
}
