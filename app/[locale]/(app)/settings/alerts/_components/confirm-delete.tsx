'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { deleteAlertRuleAction } from '@/lib/actions/alerts/delete-alert-rule';
import { deleteNotificationChannelAction } from '@/lib/actions/alerts/delete-notification-channel';
import { useRouter } from '@/lib/i18n/navigation';

const ACTIONS = { rule: deleteAlertRuleAction, channel: deleteNotificationChannelAction };

/** Delete with a confirmation dialog (Esc or Cancel backs out). */
export function ConfirmDelete({ what, id, name }: { what: 'rule' | 'channel'; id: string; name: string }) {
  const t = useTranslations('Alerts');
  const tc = useTranslations('Common');
  const te = useTranslations('Errors');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const confirm = () =>
    start(async () => {
      const r = await ACTIONS[what](id);
      if (!r.ok) return void toast.error(te(r.code));
      toast.success(t('deleted'));
      setOpen(false);
      router.refresh();
    });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t(what === 'rule' ? 'deleteRuleTitle' : 'deleteChannelTitle')}
      closeLabel={tc('close')}
      trigger={
        <Button variant="ghost" className="px-2 py-1 text-xs" aria-label={`${t('delete')} ${name}`}>
          {t('delete')}
        </Button>
      }
    >
      <p className="mb-4 text-sm">{t(what === 'rule' ? 'deleteRuleBody' : 'deleteChannelBody', { name })}</p>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          {tc('cancel')}
        </Button>
        <Button type="button" onClick={confirm} disabled={pending}>
          {t('delete')}
        </Button>
      </div>
    </Dialog>
  );
}
