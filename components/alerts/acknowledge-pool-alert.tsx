'use client';

import { useTranslations } from 'next-intl';
import { useActionCall } from '@/components/form/use-action-call';
import { Button } from '@/components/ui/button';
import { acknowledgePoolAlertAction } from '@/lib/actions/alerts/acknowledge-pool-alert';
import { useRouter } from '@/lib/i18n/navigation';

export function AcknowledgePoolAlert({ id }: { id: string }) {
  const t = useTranslations('AlertActions');
  const router = useRouter();
  const { pending, run } = useActionCall();
  return (
    <Button variant="secondary" type="button" className="px-2 py-1 text-xs" disabled={pending} onClick={() => run(() => acknowledgePoolAlertAction(id), { success: () => t('acknowledged'), onSuccess: () => router.refresh() })}>
      {t('acknowledge')}
    </Button>
  );
}
