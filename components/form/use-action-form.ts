'use client';

import { type FormEvent, startTransition, useActionState, useEffect, useEffectEvent, useRef } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { type FeedbackMessages, fieldMessages } from './action-feedback';
import { useFeedback } from './use-feedback';

/** A server action a form posts to (see lib/actions/action.ts): the previous result and the form's data. */
export type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

export type ActionFormOptions<T> = FeedbackMessages<T> & {
  /** After a success and its toast: close the dialog, refresh or navigate. */
  onSuccess?: (data: T) => void;
  /** Empty the fields after a success, for a form that stays on the page to be used again. */
  resetOnSuccess?: boolean;
};

export type ActionFormHandle<T> = ReturnType<typeof useActionForm<T>>;

/**
 * A form bound to a server action: pending state, each field's translated error (a CONFLICT at the
 * field it names), one toast per result, then `onSuccess`. Spread `props` on the <form> (or use
 * `ActionForm`).
 */
export function useActionForm<T>(action: FormAction<T>, options: ActionFormOptions<T> = {}) {
  const [result, dispatch, pending] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  const { t, announce } = useFeedback();
  const settle = useEffectEvent((settled: ActionResult<T>) => {
    announce(settled, options);
    if (!settled.ok) return;
    if (options.resetOnSuccess) ref.current?.reset();
    options.onSuccess?.(settled.data);
  });
  useEffect(() => {
    if (result) settle(result);
  }, [result]);
  // Posted through a transition rather than as React's form action, which would reset every field and
  // lose what the user typed when the server refuses it. `action` stays for a submit before hydration.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return { result, pending, errors: fieldMessages(result, t, options), props: { ref, action: dispatch, onSubmit, noValidate: true } };
}
