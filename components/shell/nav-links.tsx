'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { NavArea } from '@/lib/navigation';
import { Link, usePathname } from '@/lib/i18n/navigation';

function Links({ areas, onNavigate }: { areas: NavArea[]; onNavigate?: () => void }) {
  const t = useTranslations();
  const pathname = usePathname();
  // The most specific item wins, so /settings/alerts lights "Alerts", not also "Settings".
  const activeHref = areas
    .flatMap((a) => a.items.map((i) => i.href))
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="main" className="flex flex-col gap-5">
      {areas.map((area) => (
        <div key={area.key}>
          <div className="mb-1 px-3 text-xs font-semibold uppercase tracking-wider text-muted">{t(area.label)}</div>
          <ul className="flex flex-col gap-0.5">
            {area.items.map((item) => {
              const active = item.href === activeHref;
              return (
                <li key={item.key}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={active ? 'page' : undefined}
                    className={`block rounded-md px-3 py-2 text-sm ${active ? 'bg-accent-soft text-accent' : 'text-ink hover:bg-surface-2'}`}
                  >
                    {t(item.label)}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

export function SideNav({ areas }: { areas: NavArea[] }) {
  return (
    <aside className="hidden w-60 shrink-0 border-r border-line bg-surface px-3 py-5 lg:block">
      <Links areas={areas} />
    </aside>
  );
}

/** On phones the navigation is a keyboard-usable drawer (Radix dialog: focus trap, Esc closes), titled with the product's or the host's brand name. */
export function MobileNav({ areas, title }: { areas: NavArea[]; title: string }) {
  const t = useTranslations('Nav');
  const [open, setOpen] = useState(false);
  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Trigger className="rounded-md border border-line p-2 lg:hidden" aria-label={t('openMenu')}>
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/60 lg:hidden" />
        <RadixDialog.Content className="fixed inset-y-0 left-0 z-50 w-72 overflow-y-auto border-r border-line bg-surface px-3 py-5 lg:hidden">
          <div className="mb-4 flex items-center justify-between px-3">
            <RadixDialog.Title className="truncate font-semibold text-accent">{title}</RadixDialog.Title>
            <RadixDialog.Close className="rounded p-1 text-muted hover:text-ink" aria-label={t('closeMenu')}>
              ✕
            </RadixDialog.Close>
          </div>
          <RadixDialog.Description className="sr-only">{t('openMenu')}</RadixDialog.Description>
          <Links areas={areas} onNavigate={() => setOpen(false)} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
