'use client';

import { type ComponentProps, createContext, use } from 'react';
import type { ActionFormHandle } from './use-action-form';

type FormFeedback = { errors: Record<string, string>; pending: boolean };

const FormFeedbackContext = createContext<FormFeedback>({ errors: {}, pending: false });

/** What the enclosing `ActionForm` knows: each field's error and whether it is being sent. */
export const useFormFeedback = () => use(FormFeedbackContext);

/** A <form> posting to `useActionForm`'s action; the fields and the submit button inside read its errors and pending state. */
export function ActionForm<T>({ form, children, ...props }: { form: ActionFormHandle<T> } & Omit<ComponentProps<'form'>, 'action' | 'onSubmit' | 'ref'>) {
  return (
    <FormFeedbackContext value={{ errors: form.errors, pending: form.pending }}>
      <form {...props} {...form.props}>
        {children}
      </form>
    </FormFeedbackContext>
  );
}
