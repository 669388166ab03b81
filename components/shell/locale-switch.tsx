'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { useTransition } from 'react';
import { usePathname, useRouter } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';

const LABELS: Record<string, string> = { en: 'English', zh: '中文' };

/** Switches language on the same page, keeping its query (filters, page). */
export function LocaleSwitch() {
  const t = useTranslations('Nav');
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm text-muted">
      <span className="sr-only">{t('language')}</span>
      <select
        aria-label={t('language')}
        className="rounded-md border border-line bg-surface-2 px-2 py-1 text-ink"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const query = Object.fromEntries(search.entries());
          // usePathname() is the locale-free pattern-resolved path, so it can be re-prefixed directly.
          start(() => router.replace({ pathname, query }, { locale: e.target.value }));
        }}
      >
        {routing.locales.map((l) => (
          <option key={l} value={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
