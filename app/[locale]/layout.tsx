import '../globals.css';
import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider, hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { BrandTheme } from '@/components/brands/brand-theme';
import { Toaster } from '@/components/shell/toaster';
import { getHostBrand } from '@/lib/brands/host-brand';
import { PRODUCT_NAME } from '@/lib/domain/brands/app-name';
import { routing } from '@/lib/i18n/routing';

const DEFAULT_METADATA: Metadata = {
  title: { default: PRODUCT_NAME, template: `%s · ${PRODUCT_NAME}` },
  icons: { icon: [{ url: '/icon.svg', type: 'image/svg+xml' }, { url: '/icon-192.png', sizes: '192x192', type: 'image/png' }], apple: '/apple-touch-icon.png' },
  manifest: '/manifest.webmanifest',
};

/**
 * On a white-label host the brand's name replaces the product's in every <title>, and its logo is the
 * tab's icon; the product's icons and installable manifest stay on the product's own host.
 */
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const host = await getHostBrand();
  if (host.kind !== 'brand') {
    const t = await getTranslations({ locale, namespace: 'PageMeta' });
    return { ...DEFAULT_METADATA, description: t('description') };
  }
  const name = host.brand.displayName;
  return { title: { default: name, template: `%s · ${name}` }, description: name, ...(host.brand.logo ? { icons: { icon: host.brand.logo } } : {}) };
}

export const viewport: Viewport = { themeColor: '#1a1d2e', width: 'device-width', initialScale: 1 };

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // An unknown or disabled brand subdomain is a 404 in the plain default theme (app/not-found.tsx).
  const host = await getHostBrand();
  if (host.kind === 'unknown') notFound();
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <head>{host.kind === 'brand' ? <BrandTheme brand={host.brand} /> : null}</head>
      <body className="min-h-screen font-sans antialiased">
        <NextIntlClientProvider>
          {children}
          <Toaster />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
