'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { DialogActions } from '@/components/form/form-dialog';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { signOutEverywhereAction } from '@/lib/actions/auth/sign-out-everywhere';

export function SignOutEverywhere() {
  const t = useTranslations('Settings');
  const tc = useTranslations('Common');
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  return (
    <div className="flex max-w-md flex-col gap-3">
      <p className="text-sm text-muted">{t('sessionsBody')}</p>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t('signOutEverywhere')}
        closeLabel={tc('close')}
        trigger={
          <Button variant="secondary" type="button" className="self-start">
            {t('signOutEverywhere')}
          </Button>
        }
      >
        <p className="mb-4 text-sm text-muted">{t('signOutEverywhereConfirm')}</p>
        <DialogActions onCancel={() => setOpen(false)}>
          <Button type="button" disabled={pending} onClick={() => start(() => signOutEverywhereAction(locale))}>
            {t('signOutEverywhere')}
          </Button>
        </DialogActions>
      </Dialog>
    </div>
  );
}
