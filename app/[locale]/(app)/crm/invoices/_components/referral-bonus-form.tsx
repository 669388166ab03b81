'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { setReferralBonusAction } from '@/lib/actions/billing/set-referral-bonus';
import { usdTextFromCents } from '@/lib/domain/crm/money';

/** The referral bonus (USD; 0 = none), credited once per referred customer on its first fully paid invoice. */
export function ReferralBonusForm({ cents }: { cents: number }) {
  const t = useTranslations('Billing');
  const form = useActionForm(setReferralBonusAction, { success: () => t('referralBonusSaved') });
  return (
    <ActionForm form={form} className="flex items-end gap-2">
      <TextField name="referralBonus" label={t('referralBonus')} hint={t('referralBonusHint')} inputMode="decimal" defaultValue={usdTextFromCents(cents)} className="w-28" />
      <SubmitButton variant="secondary">{t('save')}</SubmitButton>
    </ActionForm>
  );
}
