'use client';

import * as Dropdown from '@radix-ui/react-dropdown-menu';
import { useLocale, useTranslations } from 'next-intl';
import { signOutAction } from '@/lib/actions/auth/sign-out';
import { Link } from '@/lib/i18n/navigation';

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const t = useTranslations('Nav');
  const locale = useLocale();
  const initials = name.split(/\s+/).map((p) => p[0]).slice(0, 2).join('').toUpperCase();
  return (
    <Dropdown.Root>
      <Dropdown.Trigger className="flex items-center gap-2 rounded-full border border-line bg-surface-2 py-1 pl-1 pr-3 text-sm hover:border-accent" aria-label={t('userMenu')}>
        <span className="flex h-7 w-7 items-center justify-center rounded-full bg-accent text-xs font-bold text-bg">{initials}</span>
        <span className="hidden max-w-[10rem] truncate sm:inline">{name}</span>
      </Dropdown.Trigger>
      <Dropdown.Portal>
        <Dropdown.Content align="end" sideOffset={6} className="z-50 min-w-[14rem] rounded-lg border border-line bg-surface p-1 text-sm shadow-xl">
          <div className="px-3 py-2">
            <div className="font-medium">{name}</div>
            <div className="text-xs text-muted">{t('signedInAs', { email })}</div>
            <div className="mt-1 text-xs text-accent" data-testid="role-label">{roleLabel}</div>
          </div>
          <Dropdown.Separator className="my-1 h-px bg-line" />
          <Dropdown.Item asChild>
            <Link href="/settings" className="block rounded px-3 py-2 outline-none data-[highlighted]:bg-surface-2">
              {t('settings')}
            </Link>
          </Dropdown.Item>
          <Dropdown.Item className="cursor-pointer rounded px-3 py-2 text-bad outline-none data-[highlighted]:bg-surface-2" onSelect={() => void signOutAction(locale)}>
            {t('signOut')}
          </Dropdown.Item>
        </Dropdown.Content>
      </Dropdown.Portal>
    </Dropdown.Root>
  );
}
