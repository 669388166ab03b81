import { Suspense } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { BrandMark } from '@/components/brands/brand-mark';
import { PublicPlans } from '@/components/brands/public-plans';
import { LiveStats } from '@/components/market/live-stats';
import { LocaleSwitch } from '@/components/shell/locale-switch';
import { buttonClass } from '@/components/ui/button';
import { getDb } from '@/db';
import { publicPlansForBrand } from '@/db/queries/crm/hosting-plans';
import { getActor } from '@/lib/auth/actor';
import { getHostBrand } from '@/lib/brands/host-brand';
import { currentMetrics } from '@/lib/integrations/market/metrics';
import { Link } from '@/lib/i18n/navigation';

const FEATURES = ['Calculator', 'Hosting', 'Edge', 'Energy'] as const;

export default async function LandingPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Landing');
  const db = await getDb().catch(() => null);
  const host = await getHostBrand();
  // A brand's landing page lists its organization's published plans (seed 004's price list).
  const [signedIn, metrics, plans] = await Promise.all([getActor().then(Boolean), currentMetrics(db), host.kind === 'brand' && db ? publicPlansForBrand(db, host.brand).catch(() => []) : Promise.resolve([])]);
  return (
    <div className="min-h-screen">
      <header className="mx-auto flex max-w-6xl items-center justify-between p-4">
        <BrandMark />
        <div className="flex items-center gap-3">
          <Suspense>
            <LocaleSwitch />
          </Suspense>
          <Link href={signedIn ? '/dashboard' : '/login'} className={buttonClass('primary')}>
            {signedIn ? t('openApp') : t('signIn')}
          </Link>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 pb-16">
        <section className="py-12 sm:py-20">
          <h1 className="max-w-3xl text-3xl font-bold leading-tight sm:text-5xl">
            {t('title')}
          </h1>
          <p className="mt-4 max-w-2xl text-muted sm:text-lg">{t('tagline')}</p>
          <LiveStats metrics={metrics} locale={locale} />
        </section>
        <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {FEATURES.map((f) => (
            <article key={f} className="rounded-lg border border-line bg-surface p-5">
              <h2 className="font-semibold text-accent">{t(`feature${f}Title`)}</h2>
              <p className="mt-2 text-sm text-muted">{t(`feature${f}Body`)}</p>
            </article>
          ))}
        </section>
        <PublicPlans plans={plans} locale={locale} />
      </main>
    </div>
  );
}
