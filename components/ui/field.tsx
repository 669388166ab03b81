import type { ComponentProps, ReactNode } from 'react';

const control = 'w-full rounded-md border border-line bg-bg px-3 py-2 text-sm text-ink placeholder:text-muted/70 focus:border-accent focus:outline-none aria-[invalid=true]:border-bad';

/** A label above its control, then an optional hint and the field's error, each addressable by id for `aria-describedby`. */
export function Field({ label, error, hint, children, id }: { label: ReactNode; error?: ReactNode; hint?: ReactNode; children: ReactNode; id: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm text-muted">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-bad" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The ARIA a control needs to be read with its `Field`'s error and hint. */
export function fieldAria(id: string, { error, hint }: { error?: ReactNode; hint?: ReactNode }) {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined };
}

// A className adds to the control's look (a monospace name) rather than replacing it.
export function Input({ invalid, className = '', ...props }: ComponentProps<'input'> & { invalid?: boolean }) {
  return <input className={`${control} ${className}`} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${props.id}-error` : undefined} {...props} />;
}

export function Select({ invalid, className = '', ...props }: ComponentProps<'select'> & { invalid?: boolean }) {
  return <select className={`${control} ${className}`} aria-invalid={invalid || undefined} {...props} />;
}

export function Textarea({ className = '', ...props }: ComponentProps<'textarea'>) {
  return <textarea className={`${control} ${className}`} {...props} />;
}
