import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/**
 * A page's `generateMetadata`: its <title> from messages (`PageMeta.titles.<key>`) in the URL's
 * locale; the layout's template adds the product's or the brand's name. Every page under
 * app/[locale] exports one (tests/i18n/page-titles.test.ts), so no tab reads English on a Chinese page.
 */
export function pageTitle(key: string) {
  return async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace: 'PageMeta.titles' });
    return { title: t(key) };
  };
}
