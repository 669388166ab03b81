'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { type FieldOption, SelectField, SubmitButton, TextField } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { Card } from '@/components/ui/card';
import { saveEscalationAction } from '@/lib/actions/alerts/save-escalation';

/** The organization's second contact for unacknowledged critical alerts (organization-wide roles only). */
export function EscalationCard({ current, channels }: { current: { afterMinutes: number; channelId: string | null } | null; channels: FieldOption[] }) {
  const t = useTranslations('Alerts');
  const tc = useTranslations('Common');
  const form = useActionForm(saveEscalationAction, { success: () => t('escalationSaved') });
  return (
    <Card title={t('escalationTitle')}>
      <p className="mb-3 text-sm text-muted">{t('escalationHint')}</p>
      <ActionForm form={form} className="grid gap-3 sm:grid-cols-3 sm:items-end">
        <TextField id="esc-after" name="afterMinutes" label={t('escalationAfter')} inputMode="numeric" defaultValue={String(current?.afterMinutes ?? 15)} />
        <SelectField id="esc-channel" name="channelId" label={t('escalationChannel')} defaultValue={current?.channelId ?? ''} empty={t('escalationOff')} options={channels} />
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </ActionForm>
    </Card>
  );
}
