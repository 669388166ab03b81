import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

export type ReportLocale = 'en' | 'zh';

/** The Reports namespace's translator, for builders that run outside a request (jobs, benches). */
export function reportTranslator(locale: ReportLocale) {
  return createTranslator({ locale, messages: locale === 'zh' ? zh : en, namespace: 'Reports' });
}
export type ReportT = ReturnType<typeof reportTranslator>;

/** The strings every report shares. */
export function commonText(t: ReportT) {
  return { totalLabel: t('total'), maxLabel: t('max'), missing: '—' };
}
