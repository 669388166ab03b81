'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { scheduleAdviceAction } from '@/lib/actions/power/schedule-advice';
import { useRouter } from '@/lib/i18n/navigation';

/** One click (and a confirmation) turns an advised window into a scheduled curtailment window. */
export function ScheduleAdviceButton({ siteId, startsAt, summary }: { siteId: string; startsAt: string; summary: string }) {
  const t = useTranslations('PowerAdvice');
  const router = useRouter();
  return <ConfirmButton label={t('schedule')} title={t('scheduleTitle')} body={summary} successMessage={t('scheduled')} onConfirm={() => scheduleAdviceAction({ siteId, startsAt })} onDone={() => router.refresh()} />;
}
