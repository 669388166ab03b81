import type { ComponentProps, ReactNode } from 'react';

const control = 'w-full rounded-md border border-line bg-bg px-3 py-2 text-sm text-ink placeholder:text-muted/70 focus:border-accent focus:outline-none aria-[invalid=true]:border-bad';

export function Field({ label, error, children, id }: { label: ReactNode; error?: ReactNode; children: ReactNode; id: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm text-muted">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-bad" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Input({ invalid, ...props }: ComponentProps<'input'> & { invalid?: boolean }) {
  return <input className={control} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${props.id}-error` : undefined} {...props} />;
}

export function Select({ invalid, ...props }: ComponentProps<'select'> & { invalid?: boolean }) {
  return <select className={control} aria-invalid={invalid || undefined} {...props} />;
}
