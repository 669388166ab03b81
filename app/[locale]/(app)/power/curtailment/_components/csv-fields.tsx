'use client';

import { useTranslations } from 'next-intl';
import { TextAreaField } from '@/components/form/fields';

/** A CSV to upload, or the same rows typed or pasted; `example` shows the header and a row. */
export function CsvFields({ id, example, required = true }: { id: string; example: string; required?: boolean }) {
  const t = useTranslations('CurtailmentAuto.csv');
  return (
    <>
      <label className="flex flex-col gap-1 text-sm">
        <span>{t('file')}</span>
        <input type="file" name="file" accept=".csv,text/csv" className="text-sm text-ink file:mr-3 file:rounded-md file:border file:border-line file:bg-surface-2 file:px-3 file:py-2 file:text-ink" />
      </label>
      <TextAreaField id={id} name="text" label={t('orType')} rows={5} placeholder={example} hint={t('example', { example: example.split('\n')[0]! })} aria-required={required} className="font-mono text-xs" />
    </>
  );
}
