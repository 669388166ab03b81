'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/actions/action';

/** One toast per action result: the success text given, or the translated error code. */
export function useActionToast<T>(state: ActionResult<T> | null, success: (data: T) => string) {
  const te = useTranslations('Errors');
  useEffect(() => {
    if (!state) return;
    if (state.ok) toast.success(success(state.data));
    else toast.error(te(state.code));
    // The message builder is recreated each render; only a new result should toast.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, te]);
}
