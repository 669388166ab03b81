import type { ReactNode } from 'react';

export type Figure = { label: ReactNode; value: ReactNode; className?: string };

/**
 * A table row on a phone as a card: its name (and a badge) on top, then each figure as a label and a
 * right-aligned value in two columns, so money and power read whole at 375 px instead of scrolling.
 */
export function FigureCard({ title, badge, figures, muted = false, footer }: { title: ReactNode; badge?: ReactNode; figures: readonly (Figure | false)[]; muted?: boolean; footer?: ReactNode }) {
  return (
    <div className={`rounded-lg border border-line p-3 text-sm ${muted ? 'bg-surface-2' : 'bg-surface'}`} data-testid="figure-card">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0 font-medium break-words text-ink">{title}</div>
        {badge}
      </div>
      <dl className="mt-2 grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 text-xs">
        {figures
          .filter((f): f is Figure => f !== false)
          .map((f, i) => (
            <div key={i} className="contents">
              <dt className="text-muted">{f.label}</dt>
              <dd className={`text-right tabular-nums ${f.className ?? ''}`}>{f.value}</dd>
            </div>
          ))}
      </dl>
      {footer ? <div className="mt-2">{footer}</div> : null}
    </div>
  );
}
