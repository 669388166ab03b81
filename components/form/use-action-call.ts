'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { type FeedbackMessages, fieldMessages } from './action-feedback';
import { useFeedback } from './use-feedback';

export type ActionCallOptions<T> = FeedbackMessages<T> & { onSuccess?: (data: T) => void };

/**
 * A server action called from a button or a dialog rather than posted by a form: `run` calls it in a
 * transition (`pending` until it answers), toasts the result as a form would, keeps the last call's
 * field errors in `errors`, then runs `onSuccess`.
 */
export function useActionCall() {
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { t, announce } = useFeedback();
  const run = <T>(call: () => Promise<ActionResult<T>>, options: ActionCallOptions<T> = {}) =>
    start(async () => {
      const result = await call();
      setErrors(fieldMessages(result, t, options));
      announce(result, options);
      if (result.ok) options.onSuccess?.(result.data);
    });
  return { pending, run, errors };
}
