import type { ReactNode } from 'react';
import { Link } from '@/lib/i18n/navigation';

/** A row of a list on a phone: one tap target with its title and badge on top and detail lines below. */
export function ListCard({ href, title, badge, children, className = 'bg-surface' }: { href: string; title: ReactNode; badge?: ReactNode; children?: ReactNode; className?: string }) {
  return (
    <Link href={href} className={`block rounded-lg border border-line p-3 active:bg-surface-2 ${className}`}>
      <div className="flex items-center justify-between gap-2">
        <span className="truncate text-sm text-accent">{title}</span>
        {badge}
      </div>
      {children}
    </Link>
  );
}
