'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { cancelCurtailmentWindowAction } from '@/lib/actions/power/cancel-curtailment-window';
import { useRouter } from '@/lib/i18n/navigation';

export function CancelWindowButton({ id }: { id: string }) {
  const t = useTranslations('CurtailmentAuto.windows');
  const router = useRouter();
  return <ConfirmButton label={t('cancel')} title={t('cancelTitle')} body={t('cancelBody')} successMessage={t('cancelled')} onConfirm={() => cancelCurtailmentWindowAction({ id })} onDone={() => router.refresh()} />;
}
