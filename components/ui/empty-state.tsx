import type { ReactNode } from 'react';

export function EmptyState({ title, hint, action }: { title: ReactNode; hint?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-line px-6 py-12 text-center" role="status">
      <svg aria-hidden viewBox="0 0 24 24" className="h-8 w-8 text-muted" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M3 7h18M3 12h18M3 17h10" />
      </svg>
      <p className="text-sm text-ink">{title}</p>
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
      {action}
    </div>
  );
}
