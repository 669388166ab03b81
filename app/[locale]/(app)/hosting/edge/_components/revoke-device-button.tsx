'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { revokeDeviceTokenAction } from '@/lib/actions/edge/revoke-device-token';

export function RevokeDeviceButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations('Edge');
  const tc = useTranslations('Common');
  const te = useTranslations('Errors');
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const revoke = () =>
    start(async () => {
      const r = await revokeDeviceTokenAction(id);
      if (r.ok) {
        toast.success(t('revoked'));
        setOpen(false);
      } else toast.error(te(r.code));
    });
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t('revokeTitle', { name })}
      closeLabel={tc('close')}
      trigger={
        <Button variant="secondary" type="button">
          {t('revoke')}
        </Button>
      }
    >
      <p className="mb-4 text-sm text-muted">{t('revokeBody')}</p>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" type="button" onClick={() => setOpen(false)}>
          {tc('cancel')}
        </Button>
        <Button type="button" onClick={revoke} disabled={pending}>
          {t('revoke')}
        </Button>
      </div>
    </Dialog>
  );
}
