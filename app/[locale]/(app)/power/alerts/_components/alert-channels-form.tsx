'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/form/action-form';
import { FieldGroup, FormError, SubmitButton } from '@/components/form/fields';
import { useActionForm } from '@/components/form/use-action-form';
import { savePowerAlertChannelsAction } from '@/lib/actions/power/save-power-alert-channels';

/** Which of the organization's notification channels power alerts go to (owners and admins). */
export function AlertChannelsForm({ channels, selected }: { channels: { id: string; name: string }[]; selected: string[] }) {
  const t = useTranslations('Power');
  const tc = useTranslations('Common');
  const form = useActionForm(savePowerAlertChannelsAction, { success: () => t('alertsPage.channelsSaved') });
  const on = new Set(selected);
  if (!channels.length) return <p className="text-sm text-muted">{t('alertsPage.noChannels')}</p>;
  return (
    <ActionForm form={form} className="flex flex-col gap-3">
      <FieldGroup id="power-alert-channels" name="channelIds" legend={t('alertsPage.channelsLegend')}>
        {channels.map((c) => (
          <label key={c.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="channelIds" value={c.id} defaultChecked={on.has(c.id)} className="h-4 w-4 accent-[var(--color-accent)]" />
            <span>{c.name}</span>
          </label>
        ))}
      </FieldGroup>
      <FormError />
      <div>
        <SubmitButton pendingLabel={tc('saving')}>{tc('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
