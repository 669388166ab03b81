'use client';

/**
 * A row of on/off toggles as native checkboxes inside labels: Tab reaches each, Space flips it, and
 * a screen reader hears its name and state. Wraps on a phone.
 */
export function ToggleGroup<K extends string>({ legend, items, on, onChange }: { legend: string; items: Array<{ key: K; label: string; disabled?: boolean }>; on: ReadonlySet<K>; onChange: (key: K, value: boolean) => void }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-1.5">
      <legend className="sr-only">{legend}</legend>
      {items.map((it) => (
        <label key={it.key} className={`flex cursor-pointer items-center gap-1.5 rounded border px-2 py-1 text-xs focus-within:ring-2 focus-within:ring-accent ${on.has(it.key) ? 'border-accent bg-accent-soft text-accent' : 'border-line text-muted'} ${it.disabled ? 'cursor-not-allowed opacity-50' : ''}`}>
          <input type="checkbox" className="h-3.5 w-3.5 accent-current" checked={on.has(it.key)} disabled={it.disabled} onChange={(e) => onChange(it.key, e.target.checked)} data-testid={`toggle-${it.key}`} />
          {it.label}
        </label>
      ))}
    </fieldset>
  );
}
