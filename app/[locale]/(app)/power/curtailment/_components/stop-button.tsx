'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { stopCurtailmentAction } from '@/lib/actions/power/stop-curtailment';

export function StopCurtailmentButton({ eventId }: { eventId: string }) {
  const t = useTranslations('Curtailment');
  const router = useRouter();
  return <ConfirmButton label={t('stop')} title={t('stopTitle')} body={t('stopBody')} successMessage={t('stopped')} onConfirm={() => stopCurtailmentAction({ eventId })} onDone={() => router.refresh()} />;
}
