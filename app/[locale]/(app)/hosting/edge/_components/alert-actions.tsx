'use client';

import { useTranslations } from 'next-intl';
import { useActionCall } from '@/components/form/use-action-call';
import { Button } from '@/components/ui/button';
import { setAlertStatusAction } from '@/lib/actions/edge/set-alert-status';
import { useRouter } from '@/lib/i18n/navigation';

export function AlertActions({ id, status }: { id: string; status: string }) {
  const t = useTranslations('Edge');
  const { pending, run } = useActionCall();
  const router = useRouter();
  const set = (next: 'ACKNOWLEDGED' | 'RESOLVED') => run(() => setAlertStatusAction(id, next), { onSuccess: () => router.refresh() });
  return (
    <div className="flex gap-2">
      {status === 'OPEN' ? (
        <Button variant="secondary" type="button" className="px-2 py-1 text-xs" disabled={pending} onClick={() => set('ACKNOWLEDGED')}>
          {t('acknowledge')}
        </Button>
      ) : null}
      <Button variant="ghost" type="button" className="px-2 py-1 text-xs" disabled={pending} onClick={() => set('RESOLVED')}>
        {t('resolve')}
      </Button>
    </div>
  );
}
