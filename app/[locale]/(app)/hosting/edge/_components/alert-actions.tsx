'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { setAlertStatusAction } from '@/lib/actions/edge/set-alert-status';

export function AlertActions({ id, status }: { id: string; status: string }) {
  const t = useTranslations('Edge');
  const te = useTranslations('Errors');
  const [pending, start] = useTransition();
  const set = (next: 'ACKNOWLEDGED' | 'RESOLVED') =>
    start(async () => {
      const r = await setAlertStatusAction(id, next);
      if (!r.ok) toast.error(te(r.code));
    });
  return (
    <div className="flex gap-2">
      {status === 'OPEN' ? (
        <Button variant="secondary" type="button" disabled={pending} onClick={() => set('ACKNOWLEDGED')}>
          {t('acknowledge')}
        </Button>
      ) : null}
      <Button variant="ghost" type="button" disabled={pending} onClick={() => set('RESOLVED')}>
        {t('resolve')}
      </Button>
    </div>
  );
}
