'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useActionCall } from '@/components/form/use-action-call';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { setPoolAccountEnabledAction } from '@/lib/actions/pool/set-pool-account-enabled';
import { AccountForm, type EditableAccount } from './account-form';

/** Edit (in a dialog) and enable/disable for one account row. */
export function AccountActions({ account, enabled, parents }: { account: EditableAccount; enabled: boolean; parents: { id: string; label: string }[] }) {
  const t = useTranslations('Pool');
  const tc = useTranslations('Common');
  const [open, setOpen] = useState(false);
  const { pending, run } = useActionCall();
  const toggle = () => run(() => setPoolAccountEnabledAction({ id: account.id, enabled: String(!enabled) }), { success: (r) => (r.enabled ? t('enabledOk') : t('disabledOk')) });
  return (
    <div className="flex flex-wrap gap-2">
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t('editAccount', { label: account.label })}
        closeLabel={tc('close')}
        trigger={
          <Button variant="secondary" type="button" aria-label={t('editAccount', { label: account.label })}>
            {t('edit')}
          </Button>
        }
      >
        <AccountForm parents={parents} account={account} onDone={() => setOpen(false)} />
      </Dialog>
      <Button variant="ghost" type="button" onClick={toggle} disabled={pending}>
        {enabled ? t('disable') : t('enable')}
      </Button>
    </div>
  );
}
