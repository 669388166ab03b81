'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { voidContractAction } from '@/lib/actions/billing/void-contract';
import { useRouter } from '@/lib/i18n/navigation';

export function VoidContractButton({ id }: { id: string }) {
  const t = useTranslations('Billing');
  const router = useRouter();
  const form = new FormData();
  form.set('id', id);
  return <ConfirmButton label={t('voidContract')} title={t('voidContractTitle')} body={t('voidContractBody')} successMessage={t('contractVoided')} onConfirm={() => voidContractAction(null, form)} onDone={() => router.refresh()} />;
}
