'use client';

import { useTranslations } from 'next-intl';
import { ConfirmButton } from '@/components/form/confirm-button';
import { Button } from '@/components/ui/button';
import { deleteAlertRuleAction } from '@/lib/actions/alerts/delete-alert-rule';
import { deleteNotificationChannelAction } from '@/lib/actions/alerts/delete-notification-channel';
import { useRouter } from '@/lib/i18n/navigation';

const ACTIONS = { rule: deleteAlertRuleAction, channel: deleteNotificationChannelAction };

/** Delete with a confirmation dialog (Esc or Cancel backs out). */
export function ConfirmDelete({ what, id, name }: { what: 'rule' | 'channel'; id: string; name: string }) {
  const t = useTranslations('Alerts');
  const router = useRouter();
  return (
    <ConfirmButton
      label={t('delete')}
      title={t(what === 'rule' ? 'deleteRuleTitle' : 'deleteChannelTitle')}
      body={t(what === 'rule' ? 'deleteRuleBody' : 'deleteChannelBody', { name })}
      successMessage={t('deleted')}
      onConfirm={() => ACTIONS[what](id)}
      onDone={() => router.refresh()}
      trigger={
        <Button variant="ghost" className="px-2 py-1 text-xs" aria-label={`${t('delete')} ${name}`}>
          {t('delete')}
        </Button>
      }
    />
  );
}
