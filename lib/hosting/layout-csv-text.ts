import { createTranslator } from 'next-intl';
import type { LayoutCsvError } from '@/lib/domain/hosting/layout-csv';
import { formatLocale } from '@/lib/format';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

const MESSAGES: Record<'en' | 'zh', typeof en> = { en, zh };

/**
 * Each layout-sheet error with its text in the user's locale (`RackMap.csvErrors.<code>`), so the
 * API's answer reads the same to a script as to the map's upload form. Server-side only: it holds
 * both message files.
 */
export function withLayoutErrorText(errors: LayoutCsvError[], locale: string): (LayoutCsvError & { message: string })[] {
  const t = createTranslator({ locale: formatLocale(locale), messages: MESSAGES[formatLocale(locale)], namespace: 'RackMap' });
  return errors.map((e) => ({
    ...e,
    message: t(`csvErrors.${e.code}`, {
      line: e.line,
      column: e.column ? t(`csvColumns.${e.column}`) : '',
      value: e.value ?? '',
      other: e.other ?? 0,
      max: e.max ?? 0,
    }),
  }));
}
