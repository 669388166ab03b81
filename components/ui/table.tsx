import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

/** A horizontally scrollable table so wide lists stay usable on a phone. */
export function Table({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full min-w-[640px] text-left text-sm" aria-label={label}>
        {children}
      </table>
    </div>
  );
}

export function Th({ className = '', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`bg-surface-2 px-3 py-2 text-xs font-semibold uppercase tracking-wide text-muted ${className}`} {...props} />;
}

export function Td({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`border-t border-line px-3 py-2 ${className}`} {...props} />;
}
