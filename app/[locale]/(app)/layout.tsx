import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { LocaleSwitch } from '@/components/shell/locale-switch';
import { BrandMark } from '@/components/brands/brand-mark';
import { MobileNav, SideNav } from '@/components/shell/nav-links';
import { UserMenu } from '@/components/shell/user-menu';
import { Badge } from '@/components/ui/badge';
import { requireSignedIn } from '@/lib/auth/guard';
import { getHostBrand } from '@/lib/brands/host-brand';
import { appNameOf } from '@/lib/domain/brands/app-name';
import { env } from '@/lib/env';
import { Link } from '@/lib/i18n/navigation';
import { navigationFor } from '@/lib/navigation';

export default async function AppLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireSignedIn(locale);
  const [tRoles, tCommon, host] = await Promise.all([getTranslations('Roles'), getTranslations('Common'), getHostBrand()]);
  const areas = navigationFor(actor.role);
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 flex items-center justify-between gap-2 border-t-2 border-b border-t-[color:var(--color-brand-accent,transparent)] border-b-line bg-bg/95 px-4 py-2 backdrop-blur">
        <div className="flex min-w-0 items-center gap-2 sm:gap-3">
          <MobileNav areas={areas} title={appNameOf(host.kind === 'brand' ? host.brand : null)} />
          <Link href="/dashboard" className="min-w-0">
            <BrandMark />
          </Link>
          {env().demoMode ? (
            <span className="hidden sm:inline-flex">
              <Badge tone="accent">{tCommon('demoBadge')}</Badge>
            </span>
          ) : null}
        </div>
        <div className="flex shrink-0 items-center gap-2 sm:gap-3">
          <Suspense>
            <LocaleSwitch />
          </Suspense>
          <UserMenu name={actor.name} email={actor.email} roleLabel={tRoles(actor.role)} />
        </div>
      </header>
      <div className="flex flex-1">
        <SideNav areas={areas} />
        <main className="min-w-0 flex-1 p-4 sm:p-6">{children}</main>
      </div>
    </div>
  );
}
