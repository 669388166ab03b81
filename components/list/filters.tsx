import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

export type FilterOption = { id: string | number; name: string };

const control = 'w-full rounded-md border border-line bg-bg px-3 py-2 text-sm text-ink aria-[invalid=true]:border-bad';

/** A labelled control in a FilterBar; `wide` for a search box, `error` says the value given was ignored. */
function Labelled({ label, wide, error, children }: { label: ReactNode; wide?: boolean; error?: ReactNode; children: ReactNode }) {
  return (
    <label className={`flex flex-col gap-1 text-xs text-muted ${wide ? 'col-span-2 sm:min-w-48 sm:max-w-md sm:flex-1' : 'sm:w-36 lg:w-40'}`}>
      {label}
      {children}
      {error ? (
        <span className="text-bad" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}

/** A choice among `options`, after "all" (the empty value) unless `all` is false. */
export function FilterSelect({ name, label, value, options, all, children }: { name: string; label: string; value: string | number | undefined; options: readonly FilterOption[]; all?: string | false; children?: ReactNode }) {
  const t = useTranslations('Common');
  return (
    <Labelled label={label}>
      <select name={name} defaultValue={value ?? ''} className={control}>
        {all === false ? null : <option value="">{all ?? t('all')}</option>}
        {children}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

export function FilterSearch({ name = 'q', label, value, placeholder }: { name?: string; label: string; value: string | undefined; placeholder?: string }) {
  return (
    <Labelled label={label} wide>
      <input name={name} type="search" defaultValue={value ?? ''} placeholder={placeholder} className={control} maxLength={100} />
    </Labelled>
  );
}

/** Free text parsed on the server (an IP range); `error` marks it invalid and says why it was ignored. */
export function FilterText({ name, label, value, placeholder, error, maxLength = 100 }: { name: string; label: string; value: string; placeholder?: string; error?: string; maxLength?: number }) {
  return (
    <Labelled label={label} error={error}>
      <input name={name} defaultValue={value} placeholder={placeholder} className={`${control} font-mono`} aria-invalid={error ? true : undefined} maxLength={maxLength} />
    </Labelled>
  );
}

export function FilterDate({ name, label, value }: { name: string; label: string; value: string | undefined }) {
  return (
    <Labelled label={label}>
      <input type="date" name={name} defaultValue={value ?? ''} className={control} />
    </Labelled>
  );
}

export function FilterCheck({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex items-center gap-2 self-end py-2 text-sm sm:w-auto">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="h-4 w-4 accent-accent" />
      {label}
    </label>
  );
}
