'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { deleteHostingPlanAction } from '@/lib/actions/crm/delete-hosting-plan';

export function DeletePlan({ id, name }: { id: string; name: string }) {
  const t = useTranslations('Crm.plans');
  const router = useRouter();
  return <ConfirmButton label={t('delete')} title={t('deleteTitle', { name })} body={t('deleteBody')} successMessage={t('deleted')} onConfirm={() => deleteHostingPlanAction({ id })} onDone={() => router.refresh()} />;
}
