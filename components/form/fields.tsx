'use client';

import type { ComponentProps, ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Field, fieldAria, Input, Select, Textarea } from '@/components/ui/field';
import { useFormFeedback } from './action-form';

/**
 * `name` is what the form posts and where the server's error for it is found; `id` (default: the
 * name) ties the label, hint and error to the control. `error` replaces the server's, for a field
 * checked in the browser or one the server names differently.
 */
type FieldProps = { name: string; label: ReactNode; id?: string; hint?: ReactNode; error?: string };

export type FieldOption = { id: string | number; name: string };

function useFieldError(name: string, error?: string) {
  const { errors } = useFormFeedback();
  return error ?? errors[name];
}

export function TextField({ name, label, id = name, hint, error, ...input }: FieldProps & Omit<ComponentProps<'input'>, 'name' | 'id'>) {
  const message = useFieldError(name, error);
  return (
    <Field id={id} label={label} hint={hint} error={message}>
      <Input id={id} name={name} {...fieldAria(id, { error: message, hint })} {...input} />
    </Field>
  );
}

export function TextAreaField({ name, label, id = name, hint, error, ...textarea }: FieldProps & Omit<ComponentProps<'textarea'>, 'name' | 'id'>) {
  const message = useFieldError(name, error);
  return (
    <Field id={id} label={label} hint={hint} error={message}>
      <Textarea id={id} name={name} {...fieldAria(id, { error: message, hint })} {...textarea} />
    </Field>
  );
}

/** A select of `options` (after an optional empty choice labelled `empty`), or of the option elements given as children. */
export function SelectField({ name, label, id = name, hint, error, options, empty, children, ...select }: FieldProps & Omit<ComponentProps<'select'>, 'name' | 'id'> & { options?: readonly FieldOption[]; empty?: string }) {
  const message = useFieldError(name, error);
  return (
    <Field id={id} label={label} hint={hint} error={message}>
      <Select id={id} name={name} {...fieldAria(id, { error: message, hint })} {...select}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options?.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
        {children}
      </Select>
    </Field>
  );
}

/** Controls that share one name or one error (a list of checkboxes), under a legend. */
export function FieldGroup({ name, legend, id = name, error, className = '', children }: { name: string; legend: ReactNode; id?: string; error?: string; className?: string; children: ReactNode }) {
  const message = useFieldError(name, error);
  return (
    <fieldset className={`flex flex-col gap-2 ${className}`} aria-describedby={message ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm text-muted">{legend}</legend>
      {children}
      {message ? (
        <p id={`${id}-error`} className="text-xs text-bad" role="alert">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}

/** An error about the whole form rather than one field (the server's `_form`). */
export function FormError({ name = '_form' }: { name?: string }) {
  const message = useFieldError(name);
  return message ? (
    <p className="text-xs text-bad" role="alert">
      {message}
    </p>
  ) : null;
}

/** Disabled while the enclosing `ActionForm` is sending (or while `pending`), showing `pendingLabel` if given. */
export function SubmitButton({ pending, pendingLabel, children, disabled, ...props }: ComponentProps<typeof Button> & { pending?: boolean; pendingLabel?: ReactNode }) {
  const feedback = useFormFeedback();
  const sending = pending ?? feedback.pending;
  return (
    <Button type="submit" disabled={sending || disabled} {...props}>
      {sending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
