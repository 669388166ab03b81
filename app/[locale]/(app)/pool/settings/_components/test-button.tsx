'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { testPoolConnectionAction } from '@/lib/actions/pool/test-pool-connection';

export function TestButton({ id }: { id: string }) {
  const t = useTranslations('Pool');
  const te = useTranslations('Errors');
  const [state, action, pending] = useActionState(testPoolConnectionAction, null);
  useEffect(() => {
    if (!state) return;
    if (!state.ok) toast.error(te(state.code));
    else if (state.data.ok) toast.success(t('testOk'));
    else toast.error(t('testFailed', { reason: state.data.message }));
  }, [state, t, te]);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('testing') : t('testConnection')}
      </Button>
    </form>
  );
}
